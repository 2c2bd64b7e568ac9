//! Times written one way in every output, so a screen reader reads them
//! aloud as words: "1 hour 9 minutes", not "1 h 9 min" or "1:09:00".

use crate::session::Time;

/// A length of time in words: `45 seconds`, `1 minute`, `26 minutes`,
/// `4 minutes 30 seconds`, `1 hour 9 minutes`. Seconds are dropped from an
/// hour or more, where they no longer matter.
pub fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let parts = if h > 0 {
        [(h, "hour"), (m, "minute"), (0, "")]
    } else if m > 0 {
        [(0, ""), (m, "minute"), (s, "second")]
    } else {
        [(0, ""), (0, ""), (s, "second")]
    };
    let words: Vec<String> = parts
        .iter()
        .filter(|&&(n, _)| n > 0)
        .map(|&(n, unit)| count(n, unit))
        .collect();
    if words.is_empty() {
        "no time".to_owned()
    } else {
        words.join(" ")
    }
}

/// `1 minute`, `3 minutes`: a number and its unit, plural when it should be.
pub fn count(n: u64, unit: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {unit}{s}")
}

/// A time of day on the 12-hour clock: `10 am`, `10:05 am`, `12:30 pm`,
/// read aloud as a time and not as a ratio or a score.
pub fn clock(time: Time) -> String {
    let formatted = time.format("%-I:%M %P").to_string();
    formatted.replace(":00 ", " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_words() {
        for (secs, words) in [
            (0, "no time"),
            (1, "1 second"),
            (45, "45 seconds"),
            (60, "1 minute"),
            (270, "4 minutes 30 seconds"),
            (1560, "26 minutes"),
            (3600, "1 hour"),
            (4140, "1 hour 9 minutes"),
            (4170, "1 hour 9 minutes"),
            (7260, "2 hours 1 minute"),
        ] {
            assert_eq!(duration(secs), words, "{secs}");
        }
    }

    #[test]
    fn clock_times_read_as_times() {
        let at = |t: &str| clock(format!("2026-12-13T{t}+00:00").parse().unwrap());
        assert_eq!(at("10:00:00"), "10 am");
        assert_eq!(at("10:05:00"), "10:05 am");
        assert_eq!(at("12:30:00"), "12:30 pm");
        assert_eq!(at("00:15:00"), "12:15 am");
        assert_eq!(at("23:00:00"), "11 pm");
    }
}
