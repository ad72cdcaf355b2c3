//! Faults (#17): the server, as its own process, killed with SIGKILL three times while referrals
//! are being sent. After each restart every acknowledged referral is there exactly once, with
//! exactly one notice to its centre in the outbox, and sending again what was not acknowledged
//! (the same form, as a browser would) makes nothing twice; SQLite passes its integrity check.

mod common;

use common::TestDb;
use common::web::{Browser, NO_ANSWER, TEST_KEY_HEX};
use common::wizard::{complete_referral, submission_key};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Referrals sent at once in the first round (the rounds after send what was not acknowledged).
const FAMILIES: usize = 24;

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(db: &TestDb, data: &std::path::Path, port: u16) -> Server {
        let base = format!("http://127.0.0.1:{port}");
        let child = Command::new(env!("CARGO_BIN_EXE_server"))
            .arg("serve")
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .env("DATABASE_URL", &db.url)
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

    async fn ready(&self) {
        let started = Instant::now();
        let mut probe = Browser::over_tcp(&self.base);
        while probe.get("/healthz").await.status != 200 {
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
        assert!(sent.status == NO_ANSWER || sent.status.is_server_error(), "{}: {}", sent.status, sent.body);
    }
    family
}

async fn count(db: &TestDb, sql: &str) -> i64 {
    db.raw_column::<i64>(sql).await[0]
}

/// Every acknowledged referral once, with one notice; nothing else of ours sent twice.
async fn nothing_acknowledged_is_lost(db: &TestDb, families: &[Family]) {
    for f in families {
        let r = &f.reference;
        let sent =
            count(db, &format!("SELECT count(*) FROM referrals WHERE reference = '{r}' AND state = 'submitted'")).await;
        let notices = count(db, &format!("SELECT count(*) FROM outbox WHERE subject = 'New referral {r}'")).await;
        assert!(sent <= 1 && notices == sent, "{r}: sent {sent}, notices {notices}");
        if f.acknowledged {
            assert_eq!(sent, 1, "{r} was acknowledged, so it is there");
        }
    }
    if db.url.starts_with("sqlite:") {
        assert_eq!(db.raw_column::<String>("PRAGMA integrity_check").await, ["ok"]);
    }
}

async fn killed_three_times_while_sending_nothing_acknowledged_is_lost(db: &TestDb) {
    server::seed::seed_demo_data(&db.store).await.unwrap();
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut server = Server::start(db, data.path(), port);
    server.ready().await;

    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    let mut families = Vec::new();
    for _ in 0..FAMILIES {
        let mut browser = Browser::over_tcp(&server.base);
        complete_referral(&mut browser, &centre, "resident_parent", &[]).await;
        let check = browser.get("/refer/check").await;
        assert_eq!(check.status, 200);
        let reference = check.body.split_once("NR-").map(|(_, r)| format!("NR-{}", &r[..9])).expect("a reference");
        families.push(Family { browser, reference, key: submission_key(&check.body), acknowledged: false });
    }

    // Three times: send everything not yet acknowledged, all at once, and kill the server as
    // soon as a few are acknowledged (the others still on their way).
    for round in 0..3 {
        let waiting = families.iter().filter(|f| !f.acknowledged).count();
        let acknowledged = Arc::new(AtomicUsize::new(0));
        let sending: Vec<_> = families
            .into_iter()
            .map(|f| {
                let acknowledged = acknowledged.clone();
                tokio::spawn(async move { if f.acknowledged { f } else { send(f, acknowledged).await } })
            })
            .collect();
        let started = Instant::now();
        while acknowledged.load(Ordering::SeqCst) < 2 && started.elapsed() < Duration::from_secs(20) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        server.kill();
        families = Vec::new();
        for task in sending {
            families.push(task.await.expect("a sender"));
        }
        let now = acknowledged.load(Ordering::SeqCst);
        eprintln!("round {round}: {now} of {waiting} acknowledged before the kill");
        assert!(now >= 2, "the kill came after some were acknowledged");
        server = Server::start(db, data.path(), port);
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
    server.kill();
}

on_both_backends!(killed_three_times_while_sending_nothing_acknowledged_is_lost);
