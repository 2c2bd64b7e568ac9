//! `coproduce serve`: the room view as a web page, live, for members joining
//! by video call and for people in the room who read it on their own
//! screen, zoomed or with a screen reader.
//!
//! Like `follow` it only reads: a [`Follower`] looks at the file every
//! [`POLL_MILLIS`] and keeps the last good state when the file is missing
//! or broken. A thread turns each new state into the page and the event a
//! live page reads, and puts the latest in a `watch` channel; every viewer
//! takes the latest when it is ready for it, so a slow viewer only skips
//! states and holds nothing but its own socket, and a viewer that has gone
//! ends with its connection.
//!
//! Safe by default: it listens on localhost (and answers only requests
//! addressed to localhost, so no other web site can read it through the
//! browser); on any other address every path starts with a random token,
//! and anything else gets 403 with an empty body. Only this command builds
//! an async runtime.

use std::convert::Infallible;
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, UdpSocket};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use clap::Args;
use tokio::sync::watch;

use super::Outcome;
use super::follow::Follower;
use super::open::{Look, pick_theme};
use crate::terminal::now;
use crate::web::{PageLinks, RoomState, Status, event_data, page, sections, style_sheet};

/// Where `serve` listens unless `--listen` says otherwise: this computer only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7722";

/// How often the file's version is looked at, in milliseconds: a save
/// reaches the browsers well inside the half second promised.
pub const POLL_MILLIS: u64 = 100;

/// The most viewers on `/events` at once; more get 503, so no number of
/// connections can take the process's files.
pub const MAX_VIEWERS: usize = 2000;

/// `coproduce serve`'s options.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The session file the meeting's app is running.
    pub session: PathBuf,
    /// The address and port to listen on. Anything but localhost asks for
    /// a random token in every address (printed, with a QR code); port 0
    /// picks a free one.
    #[arg(long, value_name = "ADDR:PORT", default_value = DEFAULT_LISTEN)]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub look: Look,
}

/// The page and the event for one state, made once and shared by every viewer.
#[derive(Debug)]
struct Snapshot {
    page: String,
    event: String,
}

/// What every request reads.
struct Shared {
    /// `/` on localhost, `/TOKEN/` elsewhere.
    base: String,
    /// Whether only requests addressed to localhost are answered.
    local_only: bool,
    style: String,
    latest: watch::Receiver<Arc<Snapshot>>,
    viewers: AtomicUsize,
}

/// Serves the room view of `args.session` until the process is stopped.
pub fn run(args: &ServeArgs) -> Outcome {
    let (_themes, theme, _note) = pick_theme(&args.look)?;
    let follower = Follower::open(&args.session, now())?;
    let listener = TcpListener::bind(args.listen)
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    let local_only = addr.ip().is_loopback();
    let base = if local_only {
        "/".to_owned()
    } else {
        format!("/{}/", new_token()?)
    };
    let url = format!("http://{}{base}", shown_address(addr));
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "coproduce serve: the room view of {} at {url}",
        crate::session::problem::printable_path(&args.session)
    )?;
    if local_only {
        writeln!(
            out,
            "Only this computer can open it; share this browser window in the video call, \
             or use --listen to let phones and tablets in the room join."
        )?;
    } else {
        writeln!(
            out,
            "Anyone with this address can read the room view (never needs, notes or reasons). \
             Scan to open it:\n{}",
            qr(&url)?
        )?;
    }
    writeln!(out, "It only reads the file. Ctrl-C stops it.")?;
    out.flush()?;
    drop(out);

    let links = PageLinks { base: base.clone() };
    let first = snapshot(&follower, &links);
    let (sender, latest) = watch::channel(Arc::new(first));
    std::thread::Builder::new()
        .name("serve-follow".into())
        .spawn(move || watch_file(follower, &links, &sender))?;
    let shared = Arc::new(Shared {
        base,
        local_only,
        style: style_sheet(&theme),
        latest,
        viewers: AtomicUsize::new(0),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("serve")
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let app = Router::new().fallback(handle).with_state(shared);
        axum::serve(listener, app).await
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The page and event of the follower's state now.
fn snapshot(follower: &Follower, links: &PageLinks) -> Snapshot {
    let state = RoomState::of(follower.session(), now());
    let status = Status {
        read_at: follower.updated().format("%H:%M:%S").to_string(),
        problem: follower.problem().map(str::to_owned),
    };
    Snapshot {
        page: page(&state, &status, links),
        event: event_data(&sections(&state, &status)),
    }
}

/// Looks at the file and the clock for ever, and publishes each state that
/// reads differently from the last (a save, or a minute gone on the timer).
fn watch_file(mut follower: Follower, links: &PageLinks, sender: &watch::Sender<Arc<Snapshot>>) {
    loop {
        std::thread::sleep(Duration::from_millis(POLL_MILLIS));
        follower.poll(now());
        let next = snapshot(&follower, links);
        if next.event != sender.borrow().event {
            sender.send_replace(Arc::new(next));
        }
    }
}

/// A random token of 128 bits, as hex, for the addresses off localhost.
fn new_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .context("cannot read /dev/urandom for the address's token")?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The address to print: for `0.0.0.0` or `::`, this computer's address on
/// the network it would reach others through (a UDP socket's choice; no
/// packet is sent), so the printed address and QR code work as they are.
fn shown_address(addr: SocketAddr) -> SocketAddr {
    if !addr.ip().is_unspecified() {
        return addr;
    }
    let probe = match addr.ip() {
        IpAddr::V4(_) => ("0.0.0.0:0", "192.0.2.1:9"),
        IpAddr::V6(_) => ("[::]:0", "[2001:db8::1]:9"),
    };
    let local =
        UdpSocket::bind(probe.0).and_then(|s| s.connect(probe.1).and_then(|()| s.local_addr()));
    match local {
        Ok(local) => SocketAddr::new(local.ip(), addr.port()),
        Err(_) => addr,
    }
}

/// `url` as a QR code in block characters, two rows of modules a line.
fn qr(url: &str) -> anyhow::Result<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(url.as_bytes()).context("cannot make the QR code")?;
    Ok(code
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Light)
        .light_color(Dense1x2::Dark)
        .quiet_zone(true)
        .build())
}

/// Whether the request was addressed to this computer by a local name, so
/// a web page elsewhere cannot read the view by pointing its own host name
/// at 127.0.0.1 (DNS rebinding).
fn addressed_locally(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    matches!(name, "localhost" | "127.0.0.1" | "[::1]")
}

/// Every response's headers: a strict Content-Security-Policy (the page's
/// own style sheet, script and event stream; nothing inline, nothing from
/// elsewhere, no frames), no sniffing, no referrer, no caching.
fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let fixed = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
             img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

fn empty(status: StatusCode) -> Response {
    secure((status, Body::empty()).into_response())
}

fn text(kind: &'static str, body: String) -> Response {
    secure(([(header::CONTENT_TYPE, kind)], body).into_response())
}

/// The page, its style sheet and script, and the event stream, under the
/// base path; 403 and nothing else for anything outside it.
async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    if shared.local_only && !addressed_locally(request.headers()) {
        return empty(StatusCode::FORBIDDEN);
    }
    let Some(rest) = request.uri().path().strip_prefix(&shared.base) else {
        return empty(StatusCode::FORBIDDEN);
    };
    if request.method() != Method::GET {
        return empty(StatusCode::METHOD_NOT_ALLOWED);
    }
    match rest {
        "" => text(
            "text/html; charset=utf-8",
            shared.latest.borrow().page.clone(),
        ),
        "style.css" => text("text/css; charset=utf-8", shared.style.clone()),
        "live.js" => text(
            "text/javascript; charset=utf-8",
            include_str!("../web/live.js").to_owned(),
        ),
        "events" => events(shared),
        _ => empty(StatusCode::NOT_FOUND),
    }
}

/// Counts a viewer of `/events` for as long as its stream lives.
struct Viewer(Arc<Shared>);

impl Drop for Viewer {
    fn drop(&mut self) {
        self.0.viewers.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The event stream: the state now, then each new one; a viewer that is
/// slow to read gets the latest when it is ready, never a queue.
fn events(shared: Arc<Shared>) -> Response {
    if shared.viewers.fetch_add(1, Ordering::Relaxed) >= MAX_VIEWERS {
        shared.viewers.fetch_sub(1, Ordering::Relaxed);
        return empty(StatusCode::SERVICE_UNAVAILABLE);
    }
    let latest = shared.latest.clone();
    let viewer = Viewer(shared);
    let stream = futures_util::stream::unfold(
        (latest, viewer, true),
        |(mut latest, viewer, first)| async move {
            if !first && latest.changed().await.is_err() {
                return None;
            }
            let data = latest.borrow_and_update().event.clone();
            let mut event = Event::default().event("room").data(data);
            if first {
                // Reconnect soon after a dropped connection.
                event = event.retry(Duration::from_secs(1));
            }
            Some((Ok::<Event, Infallible>(event), (latest, viewer, false)))
        },
    );
    let keep_alive = KeepAlive::new().interval(Duration::from_secs(15));
    secure(Sse::new(stream).keep_alive(keep_alive).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn only_local_names_are_answered_on_localhost() {
        for good in ["localhost", "localhost:7722", "127.0.0.1:80", "[::1]:7722"] {
            assert!(addressed_locally(&host(good)), "{good}");
        }
        for bad in [
            "evil.example:7722",
            "127.0.0.1.evil.example",
            "",
            "localhost.:1",
        ] {
            assert!(!addressed_locally(&host(bad)), "{bad}");
        }
        assert!(!addressed_locally(&HeaderMap::new()));
    }

    #[test]
    fn tokens_are_new_each_time_and_long() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn the_qr_code_is_blocks_with_a_quiet_zone() {
        let code = qr("http://192.0.2.7:7722/0123456789abcdef0123456789abcdef/").unwrap();
        let lines: Vec<&str> = code.lines().collect();
        assert!(lines.len() > 10);
        assert!(code.chars().all(|c| "█▀▄ \n".contains(c)), "{code}");
    }
}
