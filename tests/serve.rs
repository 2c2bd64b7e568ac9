//! `coproduce serve` as people use it: the binary on a loopback port, the
//! file saved as the app saves it, and what `/` and `/events` answer.
//! The soak test (200 viewers, ten saves a second) is `#[ignore]`d: run it
//! with `cargo test --test serve -- --ignored` (`.ci/soak` does).

mod run;
mod web;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use coproduce::store::save::write_atomic;
use run::scratch;
use web::{Viewer, get, get_as, serve};

/// The app's save: the whole file written new and renamed over the old.
fn save(path: &Path, text: &str) {
    write_atomic(path, text.as_bytes()).unwrap();
}

fn retitled(path: &Path, title: &str) -> String {
    let text = fs::read_to_string(path).unwrap();
    text.replacen(
        "title: Delivery speeds and experience\nboard",
        &format!("title: {title}\nboard"),
        1,
    )
}

#[test]
fn a_save_reaches_every_viewer_within_a_second_and_the_page_shows_it() {
    let (_dir, path) = scratch("good.yaml");
    let server = serve(&path, "127.0.0.1:0");
    assert_eq!(server.base, "/");
    let mut viewer = Viewer::open(server.addr, &server.base);
    assert!(viewer.next().contains("Information we send out"));
    // One viewer that never reads and one that leaves must not hold up the rest.
    let _idle = Viewer::open(server.addr, &server.base);
    drop(Viewer::open(server.addr, &server.base));
    let text = retitled(&path, "Second meeting");
    let text = text.replace("title: Information we send out", "title: Budget for 2027");
    save(&path, &text);
    let (data, took) = viewer.until("Budget for 2027", Duration::from_secs(1));
    assert!(took < Duration::from_secs(1), "{took:?}");
    assert!(data.contains("\"id\":\"item\""));
    let page = get(server.addr, "/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<h1>Second meeting</h1>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Budget for 2027"));
    assert!(page.head.contains("content-type: text/html"));
}

#[test]
fn every_response_has_a_strict_content_security_policy_and_the_page_loads_nothing_inline() {
    let (_dir, path) = scratch("good.yaml");
    let server = serve(&path, "127.0.0.1:0");
    for (file, kind) in [
        ("/", "text/html"),
        ("/style.css", "text/css"),
        ("/live.js", "text/javascript"),
    ] {
        let reply = get(server.addr, file);
        assert_eq!(reply.status, 200, "{file}");
        assert!(
            reply.head.contains(&format!("content-type: {kind}")),
            "{file}"
        );
        assert!(
            reply.head.contains(
                "content-security-policy: default-src 'none'; script-src 'self'; style-src 'self'"
            ),
            "{file}: {}",
            reply.head
        );
        assert!(reply.head.contains("x-content-type-options: nosniff"));
    }
    let page = get(server.addr, "/").body;
    assert!(!page.contains(" style="), "an inline style");
    assert!(!page.contains("<style"), "an inline style sheet");
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains("<script src=\"/live.js\" defer></script>"));
    assert_eq!(page.matches("aria-live=\"polite\"").count(), 2);
    assert_eq!(get(server.addr, "/anything").status, 404);
}

#[test]
fn off_localhost_a_wrong_or_missing_token_gets_403_and_nothing_else() {
    let (_dir, path) = scratch("good.yaml");
    let server = serve(&path, "0.0.0.0:0");
    let token = server.base.trim_matches('/');
    assert_eq!(token.len(), 32, "{}", server.base);
    assert!(server.banner.contains('█'), "a QR code: {}", server.banner);
    let mut wrong = token.to_owned();
    wrong.replace_range(0..1, if token.starts_with('0') { "1" } else { "0" });
    for path in [
        "/".to_owned(),
        "/events".to_owned(),
        "/live.js".to_owned(),
        format!("/{wrong}/"),
        format!("/{wrong}/events"),
        format!("/{}/", &token[..31]),
        format!("/{token}"),
    ] {
        let reply = get(server.addr, &path);
        assert_eq!(reply.status, 403, "{path}");
        assert_eq!(reply.body, "", "{path}");
    }
    let page = get(server.addr, &server.base);
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("href=\"/{token}/style.css\"")));
    let mut viewer = Viewer::open(server.addr, &server.base);
    assert!(viewer.next().contains("Information we send out"));
}

#[test]
fn on_localhost_a_request_for_another_host_name_gets_403() {
    let (_dir, path) = scratch("good.yaml");
    let server = serve(&path, "127.0.0.1:0");
    assert_eq!(get_as(server.addr, "/", "localhost").status, 200);
    let rebound = get_as(server.addr, "/", "meeting.evil.example");
    assert_eq!((rebound.status, rebound.body.as_str()), (403, ""));
}

#[test]
fn a_broken_or_missing_file_keeps_the_last_state_with_a_notice() {
    let (_dir, path) = scratch("good.yaml");
    let server = serve(&path, "127.0.0.1:0");
    let mut viewer = Viewer::open(server.addr, &server.base);
    viewer.next();
    save(&path, "format: 1\ntitle: [broken\n");
    let (data, _) = viewer.until("does not load", Duration::from_secs(2));
    assert!(data.contains("Information we send out"), "{data}");
    let page = get(server.addr, "/").body;
    assert!(page.contains("the file does not load"));
    assert!(page.contains("<h1>Delivery speeds and experience</h1>"));
    fs::remove_file(&path).unwrap();
    viewer.until("the file is missing", Duration::from_secs(2));
    assert_eq!(get(server.addr, "/").status, 200);
    fs::copy(run::fixture("good.yaml"), &path).unwrap();
    let (data, _) = viewer.until("Read from the file at", Duration::from_secs(2));
    assert!(
        !data.contains("does not load") && !data.contains("missing"),
        "{data}"
    );
}

#[test]
fn nothing_private_is_in_any_response_even_when_the_file_has_it() {
    let (_dir, path) = scratch("good.yaml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "    proposed_by: beve\n    item: information\n    state: queued\n",
        "    proposed_by: beve\n    item: information\n    state: open\n    \
         responses: { dulcie: concern }\n    reasons: { dulcie: Secret reason about money }\n",
    );
    let text = text.replace(
        "    decided: 2026-11-22T10:25:00+00:00\n",
        "    decided: 2026-11-22T10:25:00+00:00\n    \
         rubber_stamp: Proposed by Alex\n    rubber_stamp_note: Hidden stamp note\n",
    );
    save(&path, &text);
    let server = serve(&path, "127.0.0.1:0");
    let mut viewer = Viewer::open(server.addr, &server.base);
    let event = viewer.next();
    assert!(
        event.contains("Phone people before sending letters"),
        "{event}"
    );
    assert!(event.contains("flagged"), "{event}");
    let mut all = event;
    for file in ["/", "/style.css", "/live.js"] {
        all.push_str(&get(server.addr, file).body);
    }
    for secret in [
        "Large print papers",    // needs
        "Wait times for beds",   // item notes
        "Secret reason",         // reasons
        "Dulcie's concern",      // outcome, naming a person
        "We shaped the leaflet", // ladder note
        "Hidden stamp note",     // rubber-stamp note
        "Proposed by Alex",      // rubber-stamp words
        "Beve",                  // a full name behind a room name
    ] {
        assert!(!all.contains(secret), "{secret:?} reached a browser");
    }
    assert!(all.contains("From B."), "the room name is used");
}

#[test]
fn hostile_text_is_escaped_and_made_visible() {
    let (_dir, path) = scratch("good.yaml");
    let hostile = "\"<script>alert(1)</script> \u{202e}evil\"";
    save(&path, &retitled(&path, hostile));
    let server = serve(&path, "127.0.0.1:0");
    let mut viewer = Viewer::open(server.addr, &server.base);
    viewer.next();
    let page = get(server.addr, "/").body;
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\u{202e}evil"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains('\u{202e}'));
}

/// How long the soak runs: a minute, as the issue asks; 15 s fits a
/// hurried CI.
const SOAK_SECS: u64 = 60;
/// Viewers reading `/events` all the while.
const VIEWERS: usize = 200;

fn rss_kib(pid: u32, field: &str) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

#[test]
#[ignore = "soak: 200 viewers for a minute; run by .ci/soak"]
fn two_hundred_viewers_follow_ten_saves_a_second_with_flat_memory() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let (_dir, path) = scratch("good.yaml");
    let server = serve(&path, "127.0.0.1:0");
    let pid = server.child.id();
    let saves = (SOAK_SECS * 10) as usize;
    let last = format!("Save {saves} of the soak");
    let done = Arc::new(AtomicUsize::new(0));
    let viewers: Vec<_> = (0..VIEWERS)
        .map(|_| {
            let mut viewer = Viewer::open(server.addr, &server.base);
            let (last, done) = (last.clone(), Arc::clone(&done));
            std::thread::spawn(move || {
                let mut events = 0usize;
                loop {
                    let data = viewer.next();
                    events += 1;
                    if data.contains(&last) {
                        done.fetch_add(1, Ordering::SeqCst);
                        return (events, Instant::now());
                    }
                }
            })
        })
        .collect();
    // Some that never read, to show they hold nobody up.
    let _stalled: Vec<Viewer> = (0..10)
        .map(|_| Viewer::open(server.addr, &server.base))
        .collect();
    let start = Instant::now();
    let warm = rss_kib(pid, "VmRSS:");
    let mut samples = Vec::new();
    let text = fs::read_to_string(&path).unwrap();
    for k in 1..=saves {
        let due = start + Duration::from_millis(100 * k as u64);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
        let title = format!("Save {k} of the soak");
        save(&path, &text.replacen("Information we send out", &title, 1));
        if k % 10 == 0 {
            samples.push(rss_kib(pid, "VmRSS:"));
        }
    }
    let saved = Instant::now();
    let results: Vec<(usize, Instant)> = viewers.into_iter().map(|v| v.join().unwrap()).collect();
    assert_eq!(
        done.load(Ordering::SeqCst),
        VIEWERS,
        "every viewer got the last state"
    );
    let slowest = results
        .iter()
        .map(|(_, at)| at.duration_since(saved))
        .max()
        .unwrap();
    let fewest = results.iter().map(|(n, _)| *n).min().unwrap();
    let peak = rss_kib(pid, "VmHWM:");
    let tenth = samples.len() / 6;
    let early = samples[..tenth.max(1)].iter().max().unwrap();
    let late = samples[samples.len() - tenth.max(1)..]
        .iter()
        .max()
        .unwrap();
    eprintln!(
        "soak: {VIEWERS} viewers, {saves} saves in {:?}; last state to the slowest viewer {slowest:?} \
         after the save; fewest events a viewer read {fewest}; RSS warm {warm} KiB, early {early} KiB, \
         late {late} KiB, peak {peak} KiB",
        saved - start
    );
    assert!(slowest < Duration::from_secs(1), "{slowest:?}");
    // Flat: the last tenth of the run holds no more than the first tenth
    // and a little (allocator slack), however many states went by.
    assert!(
        *late <= early + 8 * 1024,
        "memory grew: {early} KiB to {late} KiB"
    );
}
