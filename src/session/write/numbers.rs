//! Numbers, dates and times written digit by digit, byte for byte as chrono
//! writes them, without the allocation of `to_string`.

use chrono::{Datelike, NaiveDate, SecondsFormat, Timelike};

use crate::session::model::Time;

pub(super) fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[at..] {
        out.push(char::from(b));
    }
}

fn push_padded(out: &mut String, n: u32, width: u32) {
    for shift in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(shift) % 10) as u8));
    }
}

/// `2026-11-22`, as chrono writes and reads it.
pub(super) fn push_date(out: &mut String, d: NaiveDate) {
    match u32::try_from(d.year()) {
        Ok(year) if year <= 9999 => {
            push_padded(out, year, 4);
            out.push('-');
            push_padded(out, d.month(), 2);
            out.push('-');
            push_padded(out, d.day(), 2);
        }
        _ => out.push_str(&d.to_string()),
    }
}

/// RFC 3339 with the offset as `+00:00`, exactly as chrono's
/// `to_rfc3339_opts(SecondsFormat::AutoSi, false)` writes it, without its
/// allocation; rare shapes (leap second, odd years, offsets with seconds) go
/// to chrono.
pub(super) fn push_time(out: &mut String, t: &Time) {
    let local = t.naive_local();
    let offset = t.offset().local_minus_utc();
    let nanos = local.nanosecond();
    let year = local.year();
    if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 || offset % 60 != 0 {
        out.push_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, false));
        return;
    }
    push_date(out, local.date());
    out.push('T');
    push_padded(out, local.hour(), 2);
    out.push(':');
    push_padded(out, local.minute(), 2);
    out.push(':');
    push_padded(out, local.second(), 2);
    if nanos != 0 {
        out.push('.');
        if nanos.is_multiple_of(1_000_000) {
            push_padded(out, nanos / 1_000_000, 3);
        } else if nanos.is_multiple_of(1_000) {
            push_padded(out, nanos / 1_000, 6);
        } else {
            push_padded(out, nanos, 9);
        }
    }
    out.push(if offset < 0 { '-' } else { '+' });
    let minutes = offset.unsigned_abs() / 60;
    push_padded(out, minutes / 60, 2);
    out.push(':');
    push_padded(out, minutes % 60, 2);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDateTime, TimeZone};

    #[test]
    fn times_are_written_as_chrono_writes_them() {
        let day = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap();
        let cases = [
            ("2026-11-22 10:00:00", 0),
            ("2026-11-22 10:06:12", 3600),
            ("2026-11-22 23:59:59", -(5 * 3600 + 1800)),
            ("2026-01-02 03:04:05.5", 14 * 3600),
            ("2026-01-02 03:04:05.000250", -12 * 3600),
            ("2026-01-02 03:04:05.000000007", 345 * 60),
            ("0099-03-04 00:00:00", 0),
            ("2026-11-22 10:00:00", 3600 + 17),
        ];
        for (local, offset) in cases {
            let zone = FixedOffset::east_opt(offset).unwrap();
            let t = zone.from_local_datetime(&day(local)).unwrap();
            let mut out = String::new();
            push_time(&mut out, &t);
            assert_eq!(out, t.to_rfc3339_opts(SecondsFormat::AutoSi, false));
        }
    }
}
