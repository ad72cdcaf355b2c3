//! Faults (#17), with the server as its own process. Killed with SIGKILL three times while
//! referrals are being sent: after each restart every acknowledged referral is there exactly
//! once, with exactly one notice to its centre in the outbox, and sending again what was not
//! acknowledged (the same form, as a browser would) makes nothing twice; SQLite passes its
//! integrity check. PostgreSQL gone at once (every connection cut, new ones refused): nothing is
//! acknowledged meanwhile, the server answers 503, and it recovers by itself when it is back.

mod common;

use common::TestDb;
use common::web::{Browser, NO_ANSWER, TEST_KEY_HEX};
use common::wizard::{complete_referral, submission_key};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Referrals sent at once in the first round (the rounds after send what was not acknowledged).
const FAMILIES: usize = 24;

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(database_url: &str, data: &std::path::Path, port: u16) -> Server {
        let base = format!("http://127.0.0.1:{port}");
        let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
        // A test process killed outright runs no `Drop`: its servers are killed with it.
        // SAFETY: between fork and exec only prctl runs, which sets a flag of the child's own.
        unsafe {
            command.pre_exec(|| {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
        let child = command
            .arg("serve")
            .current_dir(workspace())
            .env("DATABASE_URL", database_url)
            .env("NACCC_DATA_DIR", data)
            .env("NACCC_DATA_KEY", TEST_KEY_HEX)
            .env("NACCC_ADDR", format!("127.0.0.1:{port}"))
            .env("NACCC_PUBLIC_URL", &base)
            .env("NACCC_PUBLIC_CALLS_PER_MINUTE", "1000000")
            .env("LEPTOS_SITE_ROOT", "target/site")
            .env("LEPTOS_OUTPUT_NAME", "naccc-hub")
            .env("RUST_LOG", "error")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the server");
        Server { child, base }
    }

    async fn ready(&mut self) {
        let started = Instant::now();
        let mut probe = Browser::over_tcp(&self.base);
        while probe.get("/healthz").await.status != 200 {
            assert!(self.child.try_wait().expect("the server's state").is_none(), "the server stopped at start");
            assert!(started.elapsed() < Duration::from_secs(60), "the server did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// SIGKILL: no shutdown, no flush, no goodbye.
    fn kill(mut self) {
        self.child.kill().expect("kill -9");
        self.child.wait().expect("reaped");
    }
}

/// A test that fails still stops its server (and frees the output it writes to).
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The workspace (the server serves `target/site` from it): from cargo at run time first, since a
/// build cache shared by two checkouts can hold a test binary built in the other.
fn workspace() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")), std::path::PathBuf::from)
        .join("..")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("its address").port()
}

/// A family's referral, answered and ready to send from check your answers.
struct Family {
    browser: Browser,
    reference: String,
    key: String,
    acknowledged: bool,
}

/// Presses "Send referral" with the form the page gave: acknowledged only by the redirect to the
/// confirmation.
async fn send(mut family: Family, acknowledged: Arc<AtomicUsize>) -> Family {
    let sent = family.browser.submit("/api/refer/submit", &[("key", &family.key)]).await;
    if sent.status == 302 && sent.location() == "/refer/sent" {
        family.acknowledged = true;
        acknowledged.fetch_add(1, Ordering::SeqCst);
    } else {
        // No answer, a server error, or (a plain form) back to the page to say so.
        let back = sent.status == 302 && sent.body.contains("Unavailable");
        assert!(sent.status == NO_ANSWER || sent.status.is_server_error() || back, "{}: {}", sent.status, sent.body);
    }
    family
}

async fn count(db: &TestDb, sql: &str) -> i64 {
    db.raw_column::<i64>(sql).await[0]
}

/// Every acknowledged referral there, each sent one with exactly one notice to its centre.
async fn nothing_acknowledged_is_lost(db: &TestDb, families: &[Family]) {
    for f in families {
        let r = &f.reference;
        let sent =
            count(db, &format!("SELECT count(*) FROM referrals WHERE reference = '{r}' AND state = 'submitted'")).await;
        let notices = count(db, &format!("SELECT count(*) FROM outbox WHERE subject = 'New referral {r}'")).await;
        assert_eq!(notices, sent, "{r}: one notice for a sent referral, none for one not sent");
        if f.acknowledged {
            assert_eq!(sent, 1, "{r} was acknowledged, so it is there");
        }
    }
    // And nothing more than ours: as many referrals sent as notices, across the whole database.
    let all_sent = count(db, "SELECT count(*) FROM referrals WHERE state = 'submitted'").await;
    let all_notices = count(db, "SELECT count(*) FROM outbox WHERE subject LIKE 'New referral %'").await;
    assert_eq!(all_sent, all_notices);
    assert!(all_sent <= i64::try_from(families.len()).expect("a count"));
    if db.url.starts_with("sqlite:") {
        assert_eq!(db.raw_column::<String>("PRAGMA integrity_check").await, ["ok"]);
    }
}

/// Starts sending every family's referral not yet acknowledged, all at once.
fn send_all(families: Vec<Family>, acknowledged: &Arc<AtomicUsize>) -> Vec<tokio::task::JoinHandle<Family>> {
    families
        .into_iter()
        .map(|f| {
            let acknowledged = acknowledged.clone();
            tokio::spawn(async move { if f.acknowledged { f } else { send(f, acknowledged).await } })
        })
        .collect()
}

async fn all_of(sending: Vec<tokio::task::JoinHandle<Family>>) -> Vec<Family> {
    let mut families = Vec::new();
    for task in sending {
        families.push(task.await.expect("a sender"));
    }
    families
}

/// Families with a referral answered and ready to send, on the server at `base`.
async fn families(base: &str, how_many: usize) -> Vec<Family> {
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    let mut families = Vec::new();
    for _ in 0..how_many {
        let mut browser = Browser::over_tcp(base);
        complete_referral(&mut browser, &centre, "resident_parent", &[]).await;
        let check = browser.get("/refer/check").await;
        assert_eq!(check.status, 200);
        let reference = check.body.split_once("NR-").map(|(_, r)| format!("NR-{}", &r[..9])).expect("a reference");
        families.push(Family { browser, reference, key: submission_key(&check.body), acknowledged: false });
    }
    families
}

async fn killed_three_times_while_sending_nothing_acknowledged_is_lost(db: &TestDb) {
    server::seed::seed_demo_data(&db.store).await.unwrap();
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut server = Server::start(&db.url, data.path(), port);
    server.ready().await;
    let mut families = families(&server.base, FAMILIES).await;

    // Three times: send everything not yet acknowledged, all at once, and kill the server as
    // soon as a few are acknowledged (the others still on their way).
    for round in 0..3 {
        let waiting = families.iter().filter(|f| !f.acknowledged).count();
        let acknowledged = Arc::new(AtomicUsize::new(0));
        let sending = send_all(families, &acknowledged);
        let started = Instant::now();
        while acknowledged.load(Ordering::SeqCst) < 2 && started.elapsed() < Duration::from_secs(20) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        server.kill();
        families = all_of(sending).await;
        let now = acknowledged.load(Ordering::SeqCst);
        eprintln!("round {round}: {now} of {waiting} acknowledged before the kill");
        assert!(now >= 2, "the kill came after some were acknowledged");
        server = Server::start(&db.url, data.path(), port);
        server.ready().await;
        nothing_acknowledged_is_lost(db, &families).await;
    }
    let cut_off = families.iter().filter(|f| !f.acknowledged).count();
    assert!(cut_off > 0, "some sends were cut off by a kill: the test would prove nothing");

    // Pressed again, the unacknowledged are sent, each once; the acknowledged again change nothing.
    for f in &mut families {
        f.acknowledged = false;
    }
    let mut again = Vec::new();
    for f in families {
        again.push(send(f, Arc::new(AtomicUsize::new(0))).await);
    }
    assert!(again.iter().all(|f| f.acknowledged), "every referral is sent in the end");
    nothing_acknowledged_is_lost(db, &again).await;
    assert_eq!(
        count(db, "SELECT count(*) FROM referrals WHERE state = 'submitted'").await,
        i64::try_from(FAMILIES).unwrap()
    );
    server.kill();
}

on_both_backends!(killed_three_times_while_sending_nothing_acknowledged_is_lost);

/// A TCP relay to PostgreSQL that can be cut: to the server, the database stopped at once
/// (every connection dropped, new ones refused), without stopping the server the other tests use.
struct Relay {
    port: u16,
    up: Arc<AtomicBool>,
    cut: tokio::sync::broadcast::Sender<()>,
}

impl Relay {
    async fn to(target: String) -> Relay {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let port = listener.local_addr().expect("its address").port();
        let up = Arc::new(AtomicBool::new(true));
        let (cut, _) = tokio::sync::broadcast::channel(1);
        let (relay_up, relay_cut) = (up.clone(), cut.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                // Told of a cut before it is let through: none slips past one.
                let (target, mut cut) = (target.clone(), relay_cut.subscribe());
                if !relay_up.load(Ordering::SeqCst) {
                    continue; // dropped at once: refused
                }
                tokio::spawn(async move {
                    let Ok(mut upstream) = tokio::net::TcpStream::connect(&target).await else { return };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut upstream) => {}
                        _ = cut.recv() => {}
                    }
                });
            }
        });
        Relay { port, up, cut }
    }

    fn stop(&self) {
        self.up.store(false, Ordering::SeqCst);
        let _ = self.cut.send(());
    }

    fn start(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

async fn health(base: &str) -> u16 {
    Browser::over_tcp(base).get("/healthz").await.status.as_u16()
}

async fn postgres_stopped_at_once_answers_503_and_recovers(db: &TestDb) {
    server::seed::seed_demo_data(&db.store).await.unwrap();
    // The server reaches the database through the relay: the same database, options and TLS.
    let (user, rest) = db.url.split_once('@').expect("a user in the URL");
    let (address, path) = rest.split_once('/').expect("a database in the URL");
    let relay = Relay::to(address.to_owned()).await;
    let through_relay = format!("{user}@127.0.0.1:{}/{path}", relay.port);
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(&through_relay, data.path(), free_port());
    server.ready().await;
    let mut waiting = families(&server.base, 8).await;
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let first: Vec<Family> = waiting.drain(..3).collect();
    let mut first = all_of(send_all(first, &acknowledged)).await;
    assert_eq!(acknowledged.load(Ordering::SeqCst), 3);

    relay.stop();
    let started = Instant::now();
    while health(&server.base).await != 503 {
        assert!(started.elapsed() < Duration::from_secs(20), "the server notices the database is gone");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let during = Arc::new(AtomicUsize::new(0));
    waiting = all_of(send_all(waiting, &during)).await;
    assert_eq!(during.load(Ordering::SeqCst), 0, "nothing is acknowledged while the database is away");
    // (Find a centre still answers from the directory kept in memory.)
    assert_eq!(health(&server.base).await, 503);
    let page = waiting[0].browser.get("/refer/check").await;
    assert_eq!(page.status, 503, "a page that needs the database says so");

    relay.start();
    let started = Instant::now();
    while health(&server.base).await != 200 {
        assert!(started.elapsed() < Duration::from_secs(30), "the server recovers by itself");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    waiting = all_of(send_all(waiting, &during)).await;
    assert_eq!(during.load(Ordering::SeqCst), 5, "once it is back, every referral is sent");
    waiting.append(&mut first);
    nothing_acknowledged_is_lost(db, &waiting).await;
    server.kill();
}

#[test]
fn postgres_stopped_at_once_answers_503_and_recovers_by_itself() {
    let _serial = common::serial();
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            postgres_stopped_at_once_answers_503_and_recovers(&db).await;
        }
    });
}
