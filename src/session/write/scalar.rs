//! How one string is written as a YAML scalar: plain, literal block or
//! double-quoted, plain only when no YAML 1.1 or 1.2 reader could misread it.

/// Where a scalar sits decides which characters would end or change it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Context {
    /// A block mapping value: may become a literal block scalar.
    Block,
    /// Inside `{ }` or `[ ]`: commas and brackets are syntax, one line only.
    Flow,
}

const PAD: &str = "          ";

/// Writes `s` as one YAML scalar in `context`: plain, literal block (content
/// at `text_indent` spaces) or double-quoted.
pub(super) fn scalar(out: &mut String, s: &str, context: Context, text_indent: usize) {
    match style(s, context) {
        Style::Plain => out.push_str(s),
        Style::Literal => literal(out, s, text_indent),
        Style::Quoted => quoted(out, s),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Plain,
    Literal,
    Quoted,
}

fn style(s: &str, context: Context) -> Style {
    let flow = context == Context::Flow;
    let bytes = s.as_bytes();
    let mut plain = !bytes.is_empty();
    let mut newline = false;
    for (i, c) in s.char_indices() {
        match c {
            '\n' => newline = true,
            c if escaped(c) => return Style::Quoted,
            ',' | '[' | ']' | '{' | '}' if flow => plain = false,
            ':' if flow || matches!(bytes.get(i + 1), None | Some(b' ')) => plain = false,
            '#' if flow || (i > 0 && bytes[i - 1] == b' ') => plain = false,
            // Readers disagree on which Unicode spaces count as blanks.
            c if !c.is_ascii() && c.is_whitespace() => plain = false,
            _ => {}
        }
    }
    if newline {
        if context == Context::Block && literal_ok(s) {
            Style::Literal
        } else {
            Style::Quoted
        }
    } else if plain && plain_edges_ok(s, context) && !looks_typed(s) {
        Style::Plain
    } else {
        Style::Quoted
    }
}

/// Characters that are written as escapes: C0 and C1 controls, DEL, and
/// invisible characters (zero-width, bidi marks and overrides, byte order mark)
/// that would let a file read differently from what a reviewer sees. U+0085,
/// U+2028 and U+2029 are line breaks to a YAML 1.1 reader.
fn escaped(c: char) -> bool {
    matches!(c,
        '\0'..='\t' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{61c}'
        | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{fffe}' | '\u{ffff}')
}

/// A plain scalar may not start with these: YAML indicators, and `<<` (a
/// merge key) and `=` (a value key) to a YAML 1.1 reader.
const INDICATORS: &str = " -?:,[]{}#&*!|>'\"%@`<=";

/// Plain words that YAML 1.2 or 1.1 reads as null or a boolean.
const NOT_STRINGS: [&str; 26] = [
    "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "y", "Y",
    "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
];

fn plain_edges_ok(s: &str, context: Context) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    // yaml-rust2 refuses a flow plain scalar ending ` -` before `,` or `]`.
    let bad_last = last == ' ' || (context == Context::Flow && last == '-');
    !INDICATORS.contains(first) && !bad_last && !s.starts_with("...")
}

/// Whether a plain scalar could be read as something other than a string by
/// some YAML reader: null, a YAML 1.1 boolean, a number in any base, infinity,
/// a date or time, a sexagesimal number. Anything starting like a number counts.
fn looks_typed(s: &str) -> bool {
    if NOT_STRINGS.contains(&s) {
        return true;
    }
    // Every sign: serde_yaml reads `+-1` as -1.
    let unsigned = s.trim_start_matches(['+', '-']);
    if unsigned.eq_ignore_ascii_case(".inf") || unsigned.eq_ignore_ascii_case(".nan") {
        return true;
    }
    let digits = unsigned.strip_prefix('.').unwrap_or(unsigned);
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // With a space it can only be a YAML 1.1 timestamp (`2001-12-14 21:59:43.10 -5`).
    !s.contains(' ')
        || s.bytes()
            .all(|b| b.is_ascii_digit() || b" -+.:TtZz".contains(&b))
}

fn literal_ok(s: &str) -> bool {
    // A first line starting with a space would need an indentation indicator,
    // and `|+` for several final newlines; quoting is plainer than both.
    // A line ending in a space would leave trailing spaces in the file,
    // which linters refuse and reviewers cannot see; quoted, they show.
    let trailing_space = s.split('\n').any(|line| line.ends_with([' ', '\t']));
    match s.bytes().find(|&b| b != b'\n') {
        None | Some(b' ') => false,
        Some(_) => !s.ends_with("\n\n") && !trailing_space,
    }
}

fn literal(out: &mut String, s: &str, indent: usize) {
    let body = match s.strip_suffix('\n') {
        Some(body) => {
            out.push('|');
            body
        }
        None => {
            out.push_str("|-");
            s
        }
    };
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&PAD[..indent]);
            out.push_str(line);
        }
    }
}

fn quoted(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            '\0' => "\\0",
            c if escaped(c) => "",
            _ => continue,
        };
        out.push_str(&s[run..i]);
        run = i + c.len_utf8();
        if escape.is_empty() {
            push_hex_escape(out, c);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

fn push_hex_escape(out: &mut String, c: char) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let n = u32::from(c);
    let (tag, width) = if n < 0x100 {
        ('x', 2)
    } else if n < 0x1_0000 {
        ('u', 4)
    } else {
        ('U', 8)
    };
    out.push('\\');
    out.push(tag);
    for shift in (0..width).rev() {
        out.push(char::from(HEX[(n >> (shift * 4)) as usize & 0xF]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a YAML reader makes of `text`: serde_yaml and yaml-rust2 must agree.
    fn read_back(text: &str, flow: bool) -> String {
        let doc = if flow {
            format!("v: [{text}]\n")
        } else {
            format!("v: {text}\n")
        };
        let value: serde_yaml::Value = serde_yaml::from_str(&doc).expect(&doc);
        let got = if flow { &value["v"][0] } else { &value["v"] };
        let by_serde = got
            .as_str()
            .unwrap_or_else(|| panic!("not a string: {doc}"));
        let docs = yaml_rust2::YamlLoader::load_from_str(&doc).expect(&doc);
        let node = if flow {
            &docs[0]["v"][0]
        } else {
            &docs[0]["v"]
        };
        let yaml_rust2::Yaml::String(by_rust2) = node else {
            panic!("yaml-rust2 reads {node:?} from {doc}");
        };
        assert_eq!(by_serde, by_rust2, "{doc}");
        by_serde.to_owned()
    }

    fn written(s: &str, context: Context) -> String {
        let mut out = String::new();
        scalar(&mut out, s, context, 2);
        out
    }

    #[test]
    fn tricky_scalars() {
        // (string, as a block value, inside a flow collection)
        let cases: &[(&str, &str, &str)] = &[
            ("Beve", "Beve", "Beve"),
            ("Dulcie's concern", "Dulcie's concern", "Dulcie's concern"),
            ("3 bedrooms", "3 bedrooms", "3 bedrooms"),
            ("+-1", r#""+-1""#, r#""+-1""#),
            ("-+.5", r#""-+.5""#, r#""-+.5""#),
            ("日本語", "日本語", "日本語"),
            (r"back\slash", r"back\slash", r"back\slash"),
            ("a...", "a...", "a..."),
            ("", r#""""#, r#""""#),
            (" lead", r#"" lead""#, r#"" lead""#),
            ("trail ", r#""trail ""#, r#""trail ""#),
            ("a: b", r#""a: b""#, r#""a: b""#),
            ("a:b", "a:b", r#""a:b""#),
            ("ends:", r#""ends:""#, r#""ends:""#),
            ("a #b", r#""a #b""#, r#""a #b""#),
            ("a#b", "a#b", r#""a#b""#),
            ("a, b", "a, b", r#""a, b""#),
            ("a -", "a -", r#""a -""#),
            ("x [y]", "x [y]", r#""x [y]""#),
            ("x {y}", "x {y}", r#""x {y}""#),
            ("#x", r##""#x""##, r##""#x""##),
            ("- item", r#""- item""#, r#""- item""#),
            ("-x", r#""-x""#, r#""-x""#),
            ("? x", r#""? x""#, r#""? x""#),
            (":x", r#"":x""#, r#"":x""#),
            ("[x]", r#""[x]""#, r#""[x]""#),
            ("{x}", r#""{x}""#, r#""{x}""#),
            ("!tag", r#""!tag""#, r#""!tag""#),
            ("&anchor", r#""&anchor""#, r#""&anchor""#),
            ("*alias", r#""*alias""#, r#""*alias""#),
            ("|x", r#""|x""#, r#""|x""#),
            (">x", r#"">x""#, r#"">x""#),
            ("'x'", r#""'x'""#, r#""'x'""#),
            ("%x", r#""%x""#, r#""%x""#),
            ("@x", r#""@x""#, r#""@x""#),
            ("`x", r#""`x""#, r#""`x""#),
            ("<<", r#""<<""#, r#""<<""#),
            ("=", r#""=""#, r#""=""#),
            ("---", r#""---""#, r#""---""#),
            ("...", r#""...""#, r#""...""#),
            ("true", r#""true""#, r#""true""#),
            ("False", r#""False""#, r#""False""#),
            ("no", r#""no""#, r#""no""#),
            ("Yes", r#""Yes""#, r#""Yes""#),
            ("y", r#""y""#, r#""y""#),
            ("off", r#""off""#, r#""off""#),
            ("~", r#""~""#, r#""~""#),
            ("null", r#""null""#, r#""null""#),
            ("NULL", r#""NULL""#, r#""NULL""#),
            ("1e3", r#""1e3""#, r#""1e3""#),
            ("0x1F", r#""0x1F""#, r#""0x1F""#),
            ("0o17", r#""0o17""#, r#""0o17""#),
            ("007", r#""007""#, r#""007""#),
            ("+1", r#""+1""#, r#""+1""#),
            ("-2.5", r#""-2.5""#, r#""-2.5""#),
            (".5", r#"".5""#, r#"".5""#),
            (".inf", r#"".inf""#, r#"".inf""#),
            ("-.INF", r#""-.INF""#, r#""-.INF""#),
            (".NaN", r#"".NaN""#, r#"".NaN""#),
            ("1_000", r#""1_000""#, r#""1_000""#),
            ("12:30", r#""12:30""#, r#""12:30""#),
            ("3rd", r#""3rd""#, r#""3rd""#),
            ("2026-11-22", r#""2026-11-22""#, r#""2026-11-22""#),
            (
                "2001-12-14 21:59:43.10 -5",
                r#""2001-12-14 21:59:43.10 -5""#,
                r#""2001-12-14 21:59:43.10 -5""#,
            ),
            ("\"hi\"", r#""\"hi\"""#, r#""\"hi\"""#),
            ("say \"hi\"", "say \"hi\"", "say \"hi\""),
            ("tab\there", r#""tab\there""#, r#""tab\there""#),
            ("bell\u{7}", r#""bell\x07""#, r#""bell\x07""#),
            ("nul\0", r#""nul\0""#, r#""nul\0""#),
            ("esc\u{1b}[31m", r#""esc\x1B[31m""#, r#""esc\x1B[31m""#),
            ("del\u{7f}", r#""del\x7F""#, r#""del\x7F""#),
            ("nel\u{85}", r#""nel\x85""#, r#""nel\x85""#),
            ("csi\u{9b}", r#""csi\x9B""#, r#""csi\x9B""#),
            ("\u{202e}evil", r#""\u202Eevil""#, r#""\u202Eevil""#),
            (
                "iso\u{2066}late",
                r#""iso\u2066late""#,
                r#""iso\u2066late""#,
            ),
            ("lrm\u{200e}", r#""lrm\u200E""#, r#""lrm\u200E""#),
            ("zw\u{200b}sp", r#""zw\u200Bsp""#, r#""zw\u200Bsp""#),
            (
                "ls\u{2028}ps\u{2029}",
                r#""ls\u2028ps\u2029""#,
                r#""ls\u2028ps\u2029""#,
            ),
            ("\u{feff}bom", r#""\uFEFFbom""#, r#""\uFEFFbom""#),
            (
                "nonchar\u{ffff}",
                r#""nonchar\uFFFF""#,
                r#""nonchar\uFFFF""#,
            ),
            ("nb\u{a0}sp", "\"nb\u{a0}sp\"", "\"nb\u{a0}sp\""),
            ("cr\r\nlf", r#""cr\r\nlf""#, r#""cr\r\nlf""#),
            ("line\nnext", "|-\n  line\n  next", r#""line\nnext""#),
            ("line\n", "|\n  line", r#""line\n""#),
            ("\nline", "|-\n\n  line", r#""\nline""#),
            ("a\n\nb: #c\n", "|\n  a\n\n  b: #c", r#""a\n\nb: #c\n""#),
            (
                "a\n  indented",
                "|-\n  a\n    indented",
                r#""a\n  indented""#,
            ),
            // A line ending in a space is quoted, so no trailing space is written.
            ("a\n ", r#""a\n ""#, r#""a\n ""#),
            ("ends \nb\n", r#""ends \nb\n""#, r#""ends \nb\n""#),
            (" lead\nx", r#"" lead\nx""#, r#"" lead\nx""#),
            ("\n lead", r#""\n lead""#, r#""\n lead""#),
            ("a\n\n", r#""a\n\n""#, r#""a\n\n""#),
            ("\n", r#""\n""#, r#""\n""#),
            ("tab\n\tline", r#""tab\n\tline""#, r#""tab\n\tline""#),
        ];
        for &(s, block, flow) in cases {
            assert_eq!(written(s, Context::Block), block, "block {s:?}");
            assert_eq!(written(s, Context::Flow), flow, "flow {s:?}");
            assert_eq!(read_back(block, false), s, "block {s:?}");
            assert_eq!(read_back(flow, true), s, "flow {s:?}");
        }
    }
}
