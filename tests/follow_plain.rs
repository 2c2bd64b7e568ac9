//! `coproduce follow FILE --plain` through the binary: plain sentences at
//! the start and one for each change the facilitator's app saves, people
//! by their room names.

mod run;

use std::io::{BufRead, BufReader};
use std::sync::mpsc;
use std::time::Duration;

/// Waits up to ten seconds for a line containing `wanted`; every line read
/// on the way goes into `seen`.
fn wait_for(lines: &mpsc::Receiver<String>, wanted: &str, seen: &mut Vec<String>) {
    loop {
        match lines.recv_timeout(Duration::from_secs(10)) {
            Ok(line) => {
                let found = line.contains(wanted);
                seen.push(line);
                if found {
                    return;
                }
            }
            Err(_) => panic!("no line with {wanted:?}; read:\n{}", seen.join("\n")),
        }
    }
}

#[test]
fn plain_sentences_follow_the_file_with_room_names() {
    let (_dir, path) = run::scratch("good.yaml");
    let (mut child, stdout) = run::follow_plain(&path);
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    wait_for(
        &lines,
        "Following Delivery speeds and experience",
        &mut seen,
    );
    wait_for(&lines, "Alex has the floor", &mut seen);
    wait_for(&lines, "Item 2, Information we send out:", &mut seen);
    // Beve, shown to the room as "B.", is given the floor; saved the way
    // the app saves, by a rename.
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replace(
        "  - { who: alex, at: 2026-11-22T10:28:00+00:00 }\n",
        "  - { who: alex, at: 2026-11-22T10:28:00+00:00, secs: 60 }\n  \
         - { who: beve, at: 2026-11-22T10:29:00+00:00 }\n",
    );
    assert_ne!(text, changed);
    let fresh = path.with_extension("new");
    std::fs::write(&fresh, changed).unwrap();
    std::fs::rename(&fresh, &path).unwrap();
    wait_for(&lines, "B. has the floor", &mut seen);
    child.kill().unwrap();
    child.wait().unwrap();
    let all = seen.join("\n");
    // The time first, then the sentence; nobody's full name when they
    // gave a room name, no needs, no notes.
    for line in &seen {
        let (time, _) = line.split_once(' ').unwrap();
        assert!(time.len() == 5 && time.as_bytes()[2] == b':', "{line}");
    }
    for private in ["Beve", "Large print", "Wait times", "We shaped"] {
        assert!(!all.contains(private), "{all}");
    }
    assert!(!all.contains('█'), "{all}");
}
