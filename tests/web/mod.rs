//! Running `coproduce serve` for the integration tests: the server on an
//! ephemeral loopback port, plain HTTP/1.0 requests (so bodies are not
//! chunked), and a viewer reading `/events` line by line.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `coproduce serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    /// Where to connect: loopback and the port it printed.
    pub addr: SocketAddr,
    /// The path the page is at: `/`, or `/TOKEN/`.
    pub base: String,
    /// Everything it printed on start.
    pub banner: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `coproduce serve FILE --listen LISTEN` and waits for its address.
pub fn serve(file: &Path, listen: &str) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args(["serve", file.to_str().unwrap(), "--listen", listen])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the binary runs");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut banner = String::new();
    loop {
        let mut line = String::new();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "serve ended: {banner}"
        );
        banner.push_str(&line);
        if line.starts_with("It only reads the file") {
            break;
        }
    }
    let url = banner
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("an address printed")
        .to_owned();
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let port: u16 = host.rsplit_once(':').unwrap().1.parse().unwrap();
    Server {
        child,
        addr: SocketAddr::from(([127, 0, 0, 1], port)),
        base: path.to_owned(),
        banner,
    }
}

/// A response: its status code, its headers (lower case) and its body.
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// `GET path` with `Host: 127.0.0.1`.
pub fn get(addr: SocketAddr, path: &str) -> Reply {
    get_as(addr, path, "127.0.0.1")
}

/// `GET path` with the given Host header.
pub fn get_as(addr: SocketAddr, path: &str, host: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
    let mut all = String::new();
    stream.read_to_string(&mut all).unwrap();
    let (head, body) = all.split_once("\r\n\r\n").expect("a whole response");
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        head: head.to_lowercase(),
        body: body.to_owned(),
    }
}

/// A viewer on `/events`.
pub struct Viewer {
    reader: BufReader<TcpStream>,
}

impl Viewer {
    /// Opens `/events` under `base` and reads the response's head.
    pub fn open(addr: SocketAddr, base: &str) -> Viewer {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {base}events HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.contains(" 200 "), "{line}");
        while line != "\r\n" {
            line.clear();
            reader.read_line(&mut line).unwrap();
        }
        Viewer { reader }
    }

    /// The data of the next `room` event.
    pub fn next(&mut self) -> String {
        let mut room = false;
        loop {
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).expect("an event in time");
            assert!(n > 0, "the stream ended");
            let line = line.trim_end_matches(['\r', '\n']);
            if line == "event: room" {
                room = true;
            } else if let Some(data) = line.strip_prefix("data: ")
                && room
            {
                return data.to_owned();
            }
        }
    }

    /// Reads events until one contains `text`, and how long that took.
    pub fn until(&mut self, text: &str, within: Duration) -> (String, Duration) {
        let start = Instant::now();
        loop {
            let data = self.next();
            if data.contains(text) {
                return (data, start.elapsed());
            }
            assert!(
                start.elapsed() < within,
                "no event with {text:?} in {within:?}"
            );
        }
    }
}
