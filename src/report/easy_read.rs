//! Easy-read minutes: short sentences in the app's own words, one idea
//! each with a picture beside it, lists instead of tables, times in words,
//! each decision as "We agreed …", and a glossary of every hard word used
//! (gov.uk accessible communication formats; Mencap, "Am I making myself
//! clear?"; Inclusion Europe, "Information for all").
//!
//! The minutes are built as [`EasyRead`], sentences that keep the app's
//! words apart from the file's, so the rules can be measured on the app's
//! own text and both Markdown and HTML are written from one source.

use chrono::NaiveDate;

use crate::session::balance::{Balance, Standing};
use crate::session::glossary::{self, Term};
use crate::session::judgement::meeting_rung;
use crate::session::timing::{
    ItemState, break_secs_within, item_state, item_used_secs, record_end, secs_between,
};
use crate::session::{Decision, DecisionState, Response, Session};

use super::markdown;
use super::names::{self, Names};
use super::words::{clock, count, duration};

/// A word from the file this long or longer is flagged for the facilitator.
pub const LONG_WORD: usize = 13;

/// A piece of a sentence: the app's own words, or words from the file kept
/// as they were written (names already taken out when anonymising).
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Own(String),
    File(String),
}

/// One sentence, one idea.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sentence(pub Vec<Part>);

/// The picture beside an idea: a symbol in Markdown, an image in HTML; a
/// group can swap in its own pictures by the same names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    Meeting,
    Person,
    Away,
    Clock,
    Talk,
    Agreed,
    NotAgreed,
    Later,
    Action,
    Warning,
    Ladder,
    Words,
}

impl Picture {
    /// The symbol that stands for the picture in Markdown.
    pub fn symbol(self) -> &'static str {
        match self {
            Picture::Meeting => "📅",
            Picture::Person => "🙂",
            Picture::Away => "✉️",
            Picture::Clock => "⏰",
            Picture::Talk => "💬",
            Picture::Agreed => "✅",
            Picture::NotAgreed => "❌",
            Picture::Later => "⏳",
            Picture::Action => "📝",
            Picture::Warning => "⚠️",
            Picture::Ladder => "🪜",
            Picture::Words => "📖",
        }
    }

    /// What the picture shows, for the image's name in HTML.
    pub fn name(self) -> &'static str {
        match self {
            Picture::Meeting => "meeting",
            Picture::Person => "person",
            Picture::Away => "away",
            Picture::Clock => "clock",
            Picture::Talk => "talk",
            Picture::Agreed => "agreed",
            Picture::NotAgreed => "not-agreed",
            Picture::Later => "later",
            Picture::Action => "action",
            Picture::Warning => "warning",
            Picture::Ladder => "ladder",
            Picture::Words => "words",
        }
    }
}

/// An idea: a picture and the sentences beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Idea {
    pub picture: Picture,
    pub sentences: Vec<Sentence>,
}

/// A part of the minutes under its own heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: &'static str,
    pub ideas: Vec<Idea>,
}

/// Easy-read minutes, ready to write as Markdown or HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct EasyRead {
    /// The page's title: the meeting's title from the file.
    pub title: String,
    pub sections: Vec<Section>,
    /// The meaning of every hard word the sections use, in order of use.
    pub glossary: Vec<&'static Term>,
    /// Long words from the file, for the facilitator to explain or change.
    pub long_words: Vec<String>,
}

/// A sentence built from parts: `own("We agreed:")`, `file(proposal)`.
fn own(text: impl Into<String>) -> Part {
    Part::Own(text.into())
}

/// The file's words in a sentence, names taken out when anonymising.
struct Writer<'a> {
    session: &'a Session,
    names: &'a Names,
}

impl Writer<'_> {
    fn file(&self, text: &str) -> Part {
        Part::File(self.names.text(text))
    }

    fn person(&self, id: &str) -> Part {
        Part::File(self.names.person(id).to_owned())
    }
}

fn idea(picture: Picture, sentences: Vec<Vec<Part>>) -> Idea {
    Idea {
        picture,
        sentences: sentences.into_iter().map(ended).map(Sentence).collect(),
    }
}

/// A sentence that ends on the file's words gets a full stop if they have
/// none, so it does not run into the next.
fn ended(mut sentence: Vec<Part>) -> Vec<Part> {
    if let Some(Part::File(text)) = sentence.last()
        && !text.trim_end().ends_with(['.', '!', '?'])
    {
        sentence.push(own("."));
    }
    sentence
}

fn date(day: NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
}

/// `1 person`, `3 people`.
fn people(n: usize) -> String {
    if n == 1 {
        "1 person".into()
    } else {
        format!("{n} people")
    }
}

/// The easy-read minutes of `session`; with `anonymise`, names as in the
/// normal minutes' anonymised form.
pub fn easy_read(session: &Session, anonymise: bool) -> EasyRead {
    let names = Names::new(session, anonymise);
    let w = Writer {
        session,
        names: &names,
    };
    let sections = vec![
        w.about(),
        w.who_came(),
        w.talked_about(),
        w.who_spoke(),
        w.decided(),
        w.ladder(),
    ];
    let mut glossary: Vec<&'static Term> = Vec::new();
    let mut long_words: Vec<String> = Vec::new();
    for sentence in sections
        .iter()
        .flat_map(|s| &s.ideas)
        .flat_map(|i| &i.sentences)
    {
        for term in glossary::used_in(&sentence.text()) {
            if !glossary.contains(&term) {
                glossary.push(term);
            }
        }
        for part in &sentence.0 {
            let Part::File(text) = part else { continue };
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                let word = word.to_owned();
                if word.chars().count() >= LONG_WORD
                    && glossary::lookup(&word).is_none()
                    && !long_words.contains(&word)
                {
                    long_words.push(word);
                }
            }
        }
    }
    EasyRead {
        title: names.text(&session.title),
        sections,
        glossary,
        long_words,
    }
}

impl Sentence {
    /// The sentence as plain text.
    pub fn text(&self) -> String {
        self.0
            .iter()
            .map(|p| match p {
                Part::Own(t) | Part::File(t) => t.as_str(),
            })
            .collect()
    }
}

impl Writer<'_> {
    fn about(&self) -> Section {
        let s = self.session;
        let mut ideas = vec![idea(
            Picture::Meeting,
            vec![
                vec![
                    own("This is what happened at the meeting of "),
                    self.file(&s.board),
                    own("."),
                ],
                vec![own("The meeting was on "), own(date(s.date)), own(".")],
            ],
        )];
        if let Some(place) = &s.place {
            ideas[0].sentences.push(Sentence(vec![
                own("We met at "),
                self.file(place),
                own("."),
            ]));
        }
        if let Some(facilitator) = &s.facilitator {
            let who = if self.names.anonymised() {
                own(names::FACILITATOR)
            } else {
                self.file(facilitator)
            };
            ideas.push(idea(
                Picture::Person,
                vec![vec![who, own(" was the facilitator.")]],
            ));
        }
        let clock_ideas = match (s.clock.started, record_end(s)) {
            (Some(started), Some(end)) => {
                let mut sentences = vec![
                    vec![own(format!("The meeting started at {}.", clock(started)))],
                    vec![own(format!("It ended at {}.", clock(end)))],
                    vec![own(format!(
                        "It took {} in all.",
                        duration(secs_between(started, end))
                    ))],
                ];
                // "12:30 am to 1:10 am" reads as 40 minutes: say why it
                // was more, in words rather than offsets.
                if crate::session::offsets::TimeOfDay::of_record(s).shows_offsets() {
                    sentences.insert(2, vec![own("The clocks changed during the meeting.")]);
                }
                let breaks = break_secs_within(&s.clock, started, end, end);
                if breaks > 0 {
                    sentences.push(vec![own(format!("We had {} of breaks.", duration(breaks)))]);
                }
                if s.clock.ended.is_none() {
                    sentences.push(vec![own("The file does not say when the meeting ended.")]);
                    sentences.push(vec![own(
                        "So these minutes stop at the last thing written down.",
                    )]);
                }
                sentences
            }
            _ => vec![vec![own(
                "Nobody started the meeting's clock, so we have no times.",
            )]],
        };
        ideas.push(idea(Picture::Clock, clock_ideas));
        if self.names.anonymised() {
            ideas.push(idea(
                Picture::Person,
                vec![
                    vec![own("We have taken out everyone's names.")],
                    vec![own("We show each person as their role and a letter.")],
                ],
            ));
        }
        Section {
            heading: "About the meeting",
            ideas,
        }
    }

    fn who_came(&self) -> Section {
        let mut ideas = Vec::new();
        for p in &self.session.participants {
            let role = names::role_label(self.session, &p.role);
            let sentence = match (p.is_present(), self.names.anonymised()) {
                (true, true) => vec![self.person(&p.id), own(" came.")],
                (true, false) => vec![
                    self.person(&p.id),
                    own(" came. Their role: "),
                    self.file(role),
                    own("."),
                ],
                (false, _) => vec![self.person(&p.id), own(" could not come.")],
            };
            let picture = if p.is_present() {
                Picture::Person
            } else {
                Picture::Away
            };
            ideas.push(idea(picture, split(sentence)));
        }
        section(
            "Who came",
            ideas,
            (Picture::Person, "The file names nobody."),
        )
    }

    fn talked_about(&self) -> Section {
        let s = self.session;
        let end = record_end(s);
        let mut ideas = Vec::new();
        for item in &s.agenda {
            let title = self.file(&item.title);
            let used = end.and_then(|end| item_used_secs(item, &s.clock, end));
            let mut sentences = match (item_state(item), used) {
                (ItemState::ToCome, _) | (_, None) => {
                    vec![vec![own("We did not get to "), title, own(".")]]
                }
                (ItemState::Running, Some(_)) => {
                    vec![vec![
                        own("We were still talking about "),
                        title,
                        own(" at the end."),
                    ]]
                }
                (ItemState::Done, Some(used)) => vec![
                    vec![
                        own("We talked about "),
                        title,
                        own(format!(" for {}.", duration(used))),
                    ],
                    vec![own(format!(
                        "We planned {}.",
                        duration(u64::from(item.minutes) * 60)
                    ))],
                ],
            };
            if let Some(lead) = &item.lead {
                sentences.push(vec![self.person(lead), own(" led this part.")]);
            }
            if let Some(notes) = &item.notes {
                for line in notes.lines().filter(|l| !l.trim().is_empty()) {
                    sentences.push(vec![own("Notes: "), self.file(line)]);
                }
            }
            ideas.push(idea(Picture::Talk, sentences));
        }
        let empty = (Picture::Talk, "The meeting had no agenda.");
        section("What we talked about", ideas, empty)
    }

    fn who_spoke(&self) -> Section {
        let s = self.session;
        let Some(end) = record_end(s) else {
            let empty = (Picture::Talk, "Nobody wrote down who spoke.");
            return section("Who spoke", Vec::new(), empty);
        };
        let b = Balance::compute(s, end);
        let mut ideas = vec![idea(
            Picture::Clock,
            vec![
                vec![own("Everyone should get a fair share of time to speak.")],
                vec![own(format!(
                    "People spoke for {} in all.",
                    duration(b.total_secs)
                ))],
            ],
        )];
        if let Some(e) = b.evenness {
            ideas[0].sentences.push(Sentence(vec![own(format!(
                "Our evenness score was {e:.2}."
            ))]));
        }
        for r in &b.roles {
            let role = &s.roles[r.index];
            let mut sentences = vec![vec![
                self.file(&role.label),
                own(format!(" spoke for {}.", duration(r.secs))),
            ]];
            if r.present > 0 {
                sentences.push(vec![own(standing(Standing::of(r.share, r.fair)))]);
            }
            if role.has_power() {
                sentences.push(vec![own("This role has power.")]);
            }
            ideas.push(idea(Picture::Talk, sentences));
        }
        if let Some(power) = &b.power {
            ideas.push(idea(
                Picture::Talk,
                vec![vec![own(format!(
                    "Together, roles with power spoke {}",
                    standing_short(Standing::of(power.share, power.fair))
                ))]],
            ));
        }
        for p in &b.people {
            let person = &s.participants[p.index];
            if !person.is_present() {
                continue;
            }
            let times = count(p.turns as u64, "time");
            ideas.push(idea(
                Picture::Person,
                vec![vec![
                    self.person(&person.id),
                    own(format!(" spoke {times}, for {}.", duration(p.secs))),
                ]],
            ));
        }
        Section {
            heading: "Who spoke",
            ideas,
        }
    }

    fn decided(&self) -> Section {
        let mut ideas = Vec::new();
        for d in &self.session.decisions {
            ideas.extend(self.decision(d));
        }
        let empty = (Picture::Later, "Nobody put forward an idea to decide.");
        section("What we decided", ideas, empty)
    }

    fn decision(&self, d: &Decision) -> Vec<Idea> {
        let proposal = self.file(&d.proposal);
        let (picture, opening) = match d.state {
            DecisionState::Agreed => (Picture::Agreed, "We agreed: "),
            DecisionState::Amended => (Picture::Agreed, "We agreed a changed idea: "),
            DecisionState::NotAgreed => (Picture::NotAgreed, "We did not agree: "),
            DecisionState::Deferred => (Picture::Later, "We will decide this later: "),
            DecisionState::Withdrawn => (
                Picture::NotAgreed,
                "The person who had this idea took it back: ",
            ),
            DecisionState::Open => (Picture::Later, "We did not finish deciding: "),
            DecisionState::Queued => (Picture::Later, "We did not get to this idea: "),
        };
        let mut sentences = vec![
            vec![own(opening), proposal],
            vec![self.person(&d.proposed_by), own(" put this idea forward.")],
        ];
        let answers = [
            (Response::Agree, "said yes."),
            (Response::Concern, "had a concern."),
            (Response::Object, "said they object."),
            (Response::Abstain, "chose to abstain."),
        ];
        for (response, words) in answers {
            let n = self
                .session
                .participants
                .iter()
                .filter(|p| p.is_present() && d.responses.get(&p.id) == Some(&response))
                .count();
            if n > 0 {
                sentences.push(vec![own(format!("{} {words}", people(n)))]);
            }
        }
        for (who, &response) in d.responses.iter() {
            let present = self
                .session
                .participant(who)
                .is_some_and(|p| p.is_present());
            if !present || !matches!(response, Response::Concern | Response::Object) {
                continue;
            }
            let said = if response == Response::Concern {
                " had a concern"
            } else {
                " said they object"
            };
            let reason = d.reasons.get(who).map_or_else(
                || vec![own(", but gave no reason.")],
                |r| vec![own(". The reason: "), self.file(r)],
            );
            let mut sentence = vec![self.person(who), own(said)];
            sentence.extend(reason);
            sentences.extend(split(sentence));
        }
        if let Some(outcome) = &d.outcome {
            sentences.push(vec![own("What we said: "), self.file(outcome)]);
        }
        if let Some(review) = d.review {
            sentences.push(vec![own(format!(
                "We will look at this again on {}.",
                date(review)
            ))]);
        }
        let mut ideas = vec![idea(picture, sentences)];
        for a in &d.actions {
            let when = a
                .due
                .map_or_else(|| ":".to_owned(), |due| format!(" by {}:", date(due)));
            ideas.push(idea(
                Picture::Action,
                vec![vec![
                    self.person(&a.who),
                    own(format!(" will do this{when} ")),
                    self.file(&a.what),
                ]],
            ));
        }
        if let Some(flag) = &d.rubber_stamp {
            let mut sentences = vec![
                vec![own("This may have been a rubber stamp.")],
                vec![own("Why: "), self.file(flag)],
            ];
            if let Some(note) = &d.rubber_stamp_note {
                sentences.push(vec![own("The facilitator says: "), self.file(note)]);
            }
            ideas.push(idea(Picture::Warning, sentences));
        }
        ideas
    }

    fn ladder(&self) -> Section {
        let mut sentences = vec![vec![own(
            "We used the ladder of co-production to think about how we worked.",
        )]];
        match meeting_rung(self.session) {
            Some(m) => {
                sentences.push(vec![own(format!(
                    "We said the meeting was on the rung called {}.",
                    m.rung.label()
                ))]);
                sentences.push(vec![own(format!(
                    "There are 7 rungs. This is rung {}.",
                    m.rung.index() + 1
                ))]);
            }
            None => sentences.push(vec![own("We did not say which rung the meeting was on.")]),
        }
        Section {
            heading: "How we worked together",
            ideas: vec![idea(Picture::Ladder, sentences)],
        }
    }
}

/// Parts holding `". "` in the app's own words split into sentences there,
/// so each sentence holds one idea and is measured on its own.
fn split(parts: Vec<Part>) -> Vec<Vec<Part>> {
    let mut out: Vec<Vec<Part>> = vec![Vec::new()];
    for part in parts {
        let Part::Own(text) = &part else {
            push(&mut out, part);
            continue;
        };
        let pieces: Vec<&str> = text.split(". ").collect();
        for (n, piece) in pieces.iter().enumerate() {
            let last = n + 1 == pieces.len();
            match (piece.is_empty(), last) {
                (_, false) => push(&mut out, own(format!("{piece}."))),
                (false, true) => push(&mut out, own(*piece)),
                (true, true) => {}
            }
            if !last {
                out.push(Vec::new());
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A section of `ideas`, or of the one idea `empty` says when there are none.
fn section(heading: &'static str, mut ideas: Vec<Idea>, empty: (Picture, &str)) -> Section {
    if ideas.is_empty() {
        ideas.push(idea(empty.0, vec![vec![own(empty.1)]]));
    }
    Section { heading, ideas }
}

fn push(sentences: &mut [Vec<Part>], part: Part) {
    if let Some(last) = sentences.last_mut() {
        last.push(part);
    }
}

fn standing(standing: Standing) -> &'static str {
    match standing {
        Standing::Over => "That is more than their fair share.",
        Standing::Fair => "That is about their fair share.",
        Standing::Under => "That is less than their fair share.",
    }
}

fn standing_short(standing: Standing) -> &'static str {
    match standing {
        Standing::Over => "more than their fair share.",
        Standing::Fair => "about their fair share.",
        Standing::Under => "less than their fair share.",
    }
}

impl EasyRead {
    /// The easy-read minutes as Markdown: a list of ideas under each
    /// heading, each idea starting with its picture's symbol.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "# What happened at the meeting: {}\n\n",
            markdown::inline(&self.title)
        );
        for section in &self.sections {
            out.push_str(&format!("## {}\n\n", section.heading));
            for idea in &section.ideas {
                // Each sentence on a line of its own: a hard break (`\`)
                // inside the list item.
                let sentences: Vec<String> = idea.sentences.iter().map(markdown_sentence).collect();
                out.push_str(&format!(
                    "- {} {}\n",
                    idea.picture.symbol(),
                    sentences.join("\\\n  ")
                ));
            }
            out.push('\n');
        }
        out.push_str(&format!("## {WORDS}\n\n"));
        for term in &self.glossary {
            out.push_str(&format!(
                "- {} **{}**: {}\n",
                Picture::Words.symbol(),
                term.word,
                term.meaning
            ));
        }
        out
    }
}

/// The heading of the glossary at the end.
pub const WORDS: &str = "Words we used";

/// A sentence as Markdown: the app's words as they are, the file's escaped.
pub fn markdown_sentence(sentence: &Sentence) -> String {
    sentence
        .0
        .iter()
        .map(|p| match p {
            Part::Own(t) => t.clone(),
            Part::File(t) => markdown::inline(t),
        })
        .collect()
}
