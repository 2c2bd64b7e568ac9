//! Minutes anyone can safely publish: hostile text from the file renders as
//! the words written in two Markdown parsers nobody here wrote; names from
//! many languages never survive `--anonymise`; easy read keeps its rules;
//! the page holds only the app's own markup; the flags reach the binary.

mod run;

use coproduce::report::easy_read::{Part, WORDS, easy_read};
use coproduce::report::{Format, Options, publish};
use coproduce::session::Session;
use coproduce::session::ordered_map::OrderedMap;
use coproduce::store::load;
use pulldown_cmark::{Event, Parser};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const HOSTILE: &str = "report/hostile.yaml";
const MANY_NAMES: &str = "report/many-names.yaml";
const ENDED: &str = "report/ended.yaml";

fn session(name: &str) -> Session {
    load(&run::fixture(name)).unwrap().session
}

fn example() -> Session {
    load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example.yaml"))
        .unwrap()
        .session
}

/// Every Markdown output: normal and easy read, named and anonymised.
fn markdowns(session: &Session) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for easy_read in [false, true] {
        for anonymise in [false, true] {
            let options = Options {
                anonymise,
                easy_read,
                format: Format::Markdown,
            };
            let label = format!("easy read {easy_read}, anonymised {anonymise}");
            out.push((label, publish(session, &options).text));
        }
    }
    out
}

/// `text` with each line a plain word, keeping its lines.
fn plain(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim().is_empty() {
                ""
            } else {
                "plain words"
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The same meeting with every text from the file made plain: its minutes
/// have the structure the app gives them, and nothing more.
fn plain_session(s: &Session) -> Session {
    let mut s = s.clone();
    let opt = |t: &mut Option<String>| {
        if let Some(t) = t {
            *t = plain(t);
        }
    };
    s.title = plain(&s.title);
    s.board = plain(&s.board);
    opt(&mut s.place);
    if s.facilitator.is_some() {
        s.facilitator = Some("Facilitator Person".into());
    }
    for (n, r) in s.roles.iter_mut().enumerate() {
        r.label = format!("Role{n}");
    }
    for (n, p) in s.participants.iter_mut().enumerate() {
        p.name = format!("Person{n}");
        p.room_name = p.room_name.as_ref().map(|_| format!("Room{n}"));
    }
    for i in &mut s.agenda {
        i.title = plain(&i.title);
        opt(&mut i.notes);
    }
    for d in &mut s.decisions {
        d.proposal = plain(&d.proposal);
        let mut reasons = OrderedMap::default();
        for (who, r) in d.reasons.iter() {
            reasons.insert(who.clone(), plain(r));
        }
        d.reasons = reasons;
        opt(&mut d.outcome);
        opt(&mut d.rubber_stamp);
        opt(&mut d.rubber_stamp_note);
        for a in &mut d.actions {
            a.what = plain(&a.what);
        }
    }
    for j in &mut s.ladder {
        opt(&mut j.note);
    }
    s
}

/// The name of an enum value's variant, from its debug form.
fn variant(debug: String) -> String {
    debug.chars().take_while(|c| c.is_alphanumeric()).collect()
}

/// The structure pulldown-cmark (CommonMark, GFM tables, strikethrough,
/// footnotes, task lists, maths) reads: every event but the text itself.
fn pulldown_shape(markdown: &str) -> Vec<String> {
    let options = pulldown_cmark::Options::all();
    Parser::new_ext(markdown, options)
        .filter(|e| !matches!(e, Event::Text(_)))
        .map(|e| match e {
            Event::Start(tag) => format!("start {}", variant(format!("{tag:?}"))),
            Event::End(tag) => format!("end {}", variant(format!("{tag:?}"))),
            other => variant(format!("{other:?}")),
        })
        .collect()
}

/// The structure comrak (a port of GitHub's cmark-gfm, with its autolinks,
/// tables, strikethrough, footnotes, task lists and maths) reads.
fn comrak_shape(markdown: &str) -> Vec<String> {
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options.extension.math_dollars = true;
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    root.descendants()
        .map(|n| variant(format!("{:?}", n.data().value)))
        .filter(|v| v != "Text")
        .collect()
}

/// All the text pulldown-cmark reads, as one string.
fn rendered_text(markdown: &str) -> String {
    let options =
        pulldown_cmark::Options::all() - pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION;
    Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.into_string()),
            Event::SoftBreak | Event::HardBreak => Some("\n".into()),
            _ => None,
        })
        .collect()
}

#[test]
fn hostile_text_renders_as_the_words_written() {
    for file in [HOSTILE, MANY_NAMES, ENDED] {
        let hostile = session(file);
        let plain = plain_session(&hostile);
        for ((label, got), (_, want)) in markdowns(&hostile).iter().zip(markdowns(&plain)) {
            // The glossary is the app's own text, but lists the hard words
            // the file's text uses too, so only the parts before it match.
            let before_glossary =
                |text: &str| text.split(WORDS).next().unwrap_or_default().to_owned();
            let (got, want) = (&before_glossary(got), before_glossary(&want));
            let (g, w) = (pulldown_shape(got), pulldown_shape(&want));
            if let Some(at) = g.iter().zip(&w).position(|(a, b)| a != b) {
                eprintln!(
                    "{file}, {label}: first difference at {at}: {:?} against {:?}",
                    &g[at.saturating_sub(3)..(at + 3).min(g.len())],
                    &w[at.saturating_sub(3)..(at + 3).min(w.len())]
                );
            }
            assert_eq!(
                g, w,
                "{file}, {label}: pulldown-cmark reads more than the app wrote:\n{got}"
            );
            assert_eq!(
                comrak_shape(got),
                comrak_shape(&want),
                "{file}, {label}: comrak reads more than the app wrote:\n{got}"
            );
            for shape in [pulldown_shape(got), comrak_shape(got)] {
                for construct in shape {
                    for banned in ["Link", "Image", "Html", "Math", "Footnote", "Strikethrough"] {
                        assert!(!construct.contains(banned), "{file}, {label}: {construct}");
                    }
                }
            }
        }
    }
}

#[test]
fn hostile_names_and_notes_are_read_back_exactly() {
    let s = session(HOSTILE);
    let text = rendered_text(&publish(&s, &Options::default()).text);
    let mut written: Vec<&str> = vec![&s.title, &s.board];
    written.extend(s.participants.iter().map(|p| p.name.as_str()));
    written.extend(s.roles.iter().map(|r| r.label.as_str()));
    written.extend(s.decisions.iter().map(|d| d.proposal.as_str()));
    written.extend(
        s.agenda
            .iter()
            .flat_map(|i| i.notes.iter().flat_map(|n| n.lines())),
    );
    for words in written {
        let words = words.trim_start();
        assert!(text.contains(words), "{words:?} not read back from\n{text}");
    }
}

/// `text` as the leak test compares it: lower case, marks taken off.
fn folded(text: &str) -> String {
    text.to_lowercase()
        .nfkd()
        .filter(|&c| !is_combining_mark(c))
        .collect()
}

/// Whether `word` is in `text` with no letter either side (`text` and
/// `word` both folded); a Han character is a word of its own.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
        let edge = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() && !han(c));
        edge(text[..at].chars().next_back()) && edge(text[at + word.len()..].chars().next())
    })
}

#[test]
fn no_part_of_any_name_survives_anonymising() {
    for file in [MANY_NAMES, ENDED] {
        let s = session(file);
        let mut names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
        names.extend(s.participants.iter().filter_map(|p| p.room_name.as_deref()));
        names.extend(s.facilitator.as_deref());
        let particles = ["de", "la", "wa", "o"];
        let parts: Vec<String> = names
            .iter()
            .flat_map(|n| {
                folded(n)
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .filter(|p| !p.is_empty() && !particles.contains(&p.as_str()))
            .collect();
        for (label, minutes) in markdowns(&s)
            .into_iter()
            .filter(|(l, _)| l.ends_with("true"))
        {
            let minutes = folded(&minutes);
            for part in &parts {
                assert!(
                    !has_word(&minutes, part),
                    "{file}, {label}: {part:?} in\n{minutes}"
                );
            }
        }
    }
    // Spellings in the notes no folding of the names would produce.
    let minutes = publish(
        &session(MANY_NAMES),
        &Options {
            anonymise: true,
            ..Options::default()
        },
    )
    .text;
    for spelling in [
        "SIAN",
        "sian",
        "Zoe",
        "O'Neill",
        "o’neill",
        "Oneill",
        "Oʼneill",
        "Sean",
        "Smith",
        "doe",
        "عائشه",
        "خان",
        "李",
        "明",
        "коваленко",
        "ОЛЕНА",
        "THIONG'O",
        "ngugi",
        "Hooks",
        "BELL",
        "lopez",
        "GARCÍA",
        "παπαδοπουλος",
        "ΠΑΠΑΔΌΠΟΥΛΟΣ",
        "STRASSE",
        "strasse",
        "ILKAY",
        "Ilky",
        "CRUZ",
        "SEÁN",
        "Llewellyn",
        "Briain",
        "Ngũgĩ",
    ] {
        assert!(!has_word(&minutes, spelling), "{spelling} in\n{minutes}");
    }
    assert!(
        minutes.contains("Staff A说"),
        "the word after a Han name stays"
    );
}

/// Words in a sentence: the app's own counted one by one, each piece of
/// the file's words as one.
fn own_words(parts: &[Part]) -> usize {
    parts
        .iter()
        .map(|p| match p {
            Part::Own(t) => t
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count(),
            Part::File(_) => 1,
        })
        .sum()
}

#[test]
fn easy_read_keeps_its_rules() {
    let sessions = [
        session(ENDED),
        session(HOSTILE),
        session(MANY_NAMES),
        example(),
    ];
    let mut longest = 0;
    for s in &sessions {
        for anonymise in [false, true] {
            let easy = easy_read(s, anonymise);
            let mut used = String::new();
            for idea in easy.sections.iter().flat_map(|s| &s.ideas) {
                for sentence in &idea.sentences {
                    let n = own_words(&sentence.0);
                    longest = longest.max(n);
                    assert!(n <= 15, "{n} words: {}", sentence.text());
                    used.push_str(&sentence.text());
                    used.push('\n');
                }
            }
            let text = easy.markdown();
            for term in coproduce::session::glossary::used_in(&used) {
                assert!(easy.glossary.contains(&term), "{} not explained", term.word);
                assert!(text.contains(&format!("**{}**: {}", term.word, term.meaning)));
            }
            for (forbidden, why) in [
                (" h ", "a unit a screen reader spells"),
                (" min ", "a unit a screen reader spells"),
                ("| --- |", "a table"),
            ] {
                assert!(!text.contains(forbidden), "{why}: {forbidden:?} in\n{text}");
            }
        }
    }
    println!("longest sentence of the app's own: {longest} words");
    let easy = easy_read(&session(ENDED), false);
    let words: Vec<&str> = easy.glossary.iter().map(|t| t.word).collect();
    for word in [
        "facilitator",
        "fair share",
        "concern",
        "abstain",
        "rubber stamp",
        "rung",
    ] {
        assert!(words.contains(&word), "{word} in {words:?}");
    }
}

/// Every tag in `html`, by name.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|t| {
            t.trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect()
        })
        .collect()
}

#[test]
fn the_page_holds_only_the_apps_own_markup() {
    let allowed = [
        "!DOCTYPE",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "code",
        "strong",
        "img",
        "div",
        "br",
    ];
    for file in [HOSTILE, ENDED, MANY_NAMES] {
        let s = session(file);
        for easy_read in [false, true] {
            let options = Options {
                anonymise: false,
                easy_read,
                format: Format::Html,
            };
            let page = publish(&s, &options).text;
            for tag in tags(&page) {
                assert!(allowed.contains(&tag.as_str()), "<{tag}> in\n{page}");
            }
            // The pictures are the only images, each drawn inside the page.
            let pictures = page.matches("src=\"data:image/svg+xml,").count();
            assert_eq!(page.matches("src=\"").count(), pictures);
            assert_eq!(page.matches("<img ").count(), pictures);
            for banned in ["href", "onerror=\"", "javascript:alert(1)\"", "\u{202e}"] {
                assert!(!page.contains(banned), "{banned} in\n{page}");
            }
            assert!(page.contains("<html lang=\"en-GB\">"));
            if file == HOSTILE {
                assert!(
                    page.contains("&lt;img src=x onerror=alert(1)&gt;"),
                    "shown as written"
                );
            }
            if !easy_read {
                assert!(page.contains("<th scope=\"col\">"));
            }
        }
    }
}

#[test]
fn the_flags_reach_the_command() {
    let file = run::fixture(ENDED);
    let file = file.to_str().unwrap();
    for (args, options) in [
        (vec![], Options::default()),
        (
            vec!["--easy-read", "--anonymise"],
            Options {
                anonymise: true,
                easy_read: true,
                format: Format::Markdown,
            },
        ),
        (
            vec!["--format", "html", "--easy-read"],
            Options {
                anonymise: false,
                easy_read: true,
                format: Format::Html,
            },
        ),
        (
            vec!["--format", "html"],
            Options {
                format: Format::Html,
                ..Options::default()
            },
        ),
    ] {
        let mut all = vec!["report", file];
        all.extend(args);
        let out = run::coproduce(&all);
        assert_eq!(
            run::succeeded(&all, &out),
            publish(&session(ENDED), &options).text
        );
    }
    let out = run::coproduce(&["report", file, "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn easy_read_flags_long_words_from_the_file_for_the_facilitator() {
    let file = run::fixture(HOSTILE);
    let args = ["report", file.to_str().unwrap(), "--easy-read"];
    let out = run::coproduce(&args);
    run::succeeded(&args, &out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("long words from the file"), "{err}");
}
