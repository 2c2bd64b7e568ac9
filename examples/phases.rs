use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let t = Instant::now();
    eprintln!(
        "nodes {:?}",
        coproduce::store::read::check_shape(&text).map_err(|p| p.message)
    );
    eprintln!("shape {:?}", t.elapsed());
    let t = Instant::now();
    let _ = coproduce::session::locate::check_structure(&text);
    eprintln!("structure {:?}", t.elapsed());
    let t = Instant::now();
    let r = serde_yaml::from_str::<coproduce::session::Session>(&text);
    eprintln!("serde {:?} {}", t.elapsed(), r.is_ok());
    both(&text);
    let t = Instant::now();
    let r = coproduce::session::parse(&text);
    eprintln!(
        "parse {:?} {:?}",
        t.elapsed(),
        r.as_ref().err().map(|p| p.len())
    );
    drop(r);
    let t = Instant::now();
    let r = coproduce::store::load(std::path::Path::new(&path));
    eprintln!("load {:?} {}", t.elapsed(), r.is_ok());
}
#[allow(dead_code)]
fn both(text: &str) {
    let t = Instant::now();
    std::thread::scope(|scope| {
        let s = scope.spawn(|| {
            let t = Instant::now();
            let r = coproduce::session::locate::check_structure(text);
            eprintln!("  structure in thread {:?}", t.elapsed());
            r.is_ok()
        });
        let t2 = Instant::now();
        let r = serde_yaml::from_str::<coproduce::session::Session>(text);
        eprintln!("  serde in main {:?}", t2.elapsed());
        drop(r);
        s.join().unwrap();
    });
    eprintln!("both {:?}", t.elapsed());
}
