//! Mail delivery against a real SMTP server started by the test (a small sink speaking SMTP on a
//! local port): a queued message arrives; a failing server leaves it queued and it is retried
//! later with back-off, nothing lost.

mod common;

use common::TestDb;
use common::staff::{NOW, email, setup, shown_version, sign_in};
use common::wizard::{OTHER_EMAIL, RESIDENT_EMAIL, complete_referral, send};
use server::platform::clock::ManualClock;
use server::platform::mail::{Delivered, deliver_due, transport};
use shared::account::Role;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server: accepts every message (keeping its text), or refuses every sender with
/// a temporary failure while `refusing` is set.
struct Sink {
    port: u16,
    received: Arc<Mutex<Vec<String>>>,
    /// Every `RCPT TO` address, in order (the envelope: blind copies show only here).
    recipients: Arc<Mutex<Vec<String>>>,
    refusing: Arc<Mutex<bool>>,
}

async fn sink() -> Sink {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let refusing = Arc::new(Mutex::new(false));
    let recipients = Arc::new(Mutex::new(Vec::new()));
    let (r, f, to) = (received.clone(), refusing.clone(), recipients.clone());
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let (r, f, to) = (r.clone(), f.clone(), to.clone());
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(text) = data.as_mut() {
                        if line == "." {
                            r.lock().unwrap().push(std::mem::take(text));
                            data = None;
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            text.push_str(&line);
                            text.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                    if verb == "RCPT" {
                        let address = line.split(['<', '>']).nth(1).unwrap_or("").to_owned();
                        to.lock().unwrap().push(address);
                    }
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "MAIL" if *f.lock().unwrap() => b"451 try again later\r\n",
                        "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 ok\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"502 not implemented\r\n",
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    Sink { port, received, recipients, refusing }
}

fn cipher() -> server::platform::crypto::FieldCipher {
    server::platform::crypto::FieldCipher::from_hex(common::web::TEST_KEY_HEX).unwrap()
}

/// A referral to the demo staff centre: queues a "new referral" message for its staff.
async fn queue_a_message(db: &TestDb) {
    let (b, _) = setup(db).await;
    let mut parent = common::web::Browser::new(b.app.clone());
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
    send(&mut parent).await;
}

async fn a_queued_message_arrives(db: &TestDb) {
    queue_a_message(db).await;
    let sink = sink().await;
    let smtp = transport(&format!("smtp://127.0.0.1:{}", sink.port)).unwrap();
    let from = "NACCC Contact Hub <no-reply@naccc.org.uk>".parse().unwrap();
    let done = deliver_due(&db.store, &cipher(), &smtp, &from, &ManualClock::at(NOW + 10)).await.unwrap();
    assert_eq!(done, Delivered { sent: 1, failed: 0 });
    let received = sink.received.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert!(received[0].contains("Subject: New referral NR-"), "{}", received[0]);
    let staff = [email(Role::CentreCoordinator), email(Role::CentreManager)];
    assert_eq!(*sink.recipients.lock().unwrap(), staff, "to each of the centre's staff");
    assert!(
        staff.iter().all(|a| !received[0].contains(a.as_str())) && !received[0].contains("Bcc"),
        "blind copies: no one sees the others' addresses: {}",
        received[0]
    );
    assert!(
        !received[0].contains(RESIDENT_EMAIL) && !received[0].contains(OTHER_EMAIL),
        "no personal details in the email"
    );
    let sent = db.raw_column::<Option<i64>>("SELECT sent_at FROM outbox").await;
    assert_eq!(sent, [Some(NOW + 10)]);
    assert_eq!(db.raw_column::<String>("SELECT body FROM outbox").await, [""], "its words are not kept once sent");
    // Sent once only.
    let again = deliver_due(&db.store, &cipher(), &smtp, &from, &ManualClock::at(NOW + 20)).await.unwrap();
    assert_eq!(again, Delivered::default());
}

async fn a_failing_server_is_retried_and_nothing_is_lost(db: &TestDb) {
    queue_a_message(db).await;
    let sink = sink().await;
    *sink.refusing.lock().unwrap() = true;
    let smtp = transport(&format!("smtp://127.0.0.1:{}", sink.port)).unwrap();
    let from = "NACCC Contact Hub <no-reply@naccc.org.uk>".parse().unwrap();
    let first = deliver_due(&db.store, &cipher(), &smtp, &from, &ManualClock::at(NOW + 10)).await.unwrap();
    assert_eq!(first, Delivered { sent: 0, failed: 1 });
    let state = db.raw_column::<i64>("SELECT attempts FROM outbox").await;
    assert_eq!(state, [1]);
    assert_eq!(db.raw_column::<i64>("SELECT next_attempt_at FROM outbox").await, [NOW + 10 + 60], "a minute later");
    assert_eq!(
        db.raw_column::<Option<String>>("SELECT last_error FROM outbox").await,
        [Some("temporary failure (451)".to_owned())],
        "the kind of failure and its code, never the server's words"
    );

    *sink.refusing.lock().unwrap() = false;
    let too_soon = deliver_due(&db.store, &cipher(), &smtp, &from, &ManualClock::at(NOW + 30)).await.unwrap();
    assert_eq!(too_soon, Delivered::default(), "not before its retry time");
    let retried = deliver_due(&db.store, &cipher(), &smtp, &from, &ManualClock::at(NOW + 71)).await.unwrap();
    assert_eq!(retried, Delivered { sent: 1, failed: 0 });
    assert_eq!(sink.received.lock().unwrap().len(), 1);

    // Nobody listening at all: also kept and retried.
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    queue_a_message_again(db, NOW + 100).await;
    let nowhere = transport(&format!("smtp://127.0.0.1:{port}")).unwrap();
    let failed = deliver_due(&db.store, &cipher(), &nowhere, &from, &ManualClock::at(NOW + 30 * 86_400)).await.unwrap();
    assert_eq!(failed, Delivered { sent: 0, failed: 1 });
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").await, [1]);
}

/// A second referral (the demo data is already there), queued at `at` on the test clock: never
/// on the real one, so delivery times stay relative to when it was queued whatever today is.
async fn queue_a_message_again(db: &TestDb, at: i64) {
    let app = common::web::app_at(db, Arc::new(ManualClock::at(at))).await;
    let mut parent = common::web::Browser::new(app);
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
    send(&mut parent).await;
}

/// #11 defect 4: the referrer's safe address sat in clear in `outbox.recipient` until retention.
/// Now the outbox says "the referrer of NR-…" and the address is opened from their sealed
/// answers only as the email is sent.
async fn news_for_the_referrer_holds_no_address_until_it_is_sent(db: &TestDb) {
    let (mut coordinator, _) = setup(db).await;
    let mut parent = common::web::Browser::new(coordinator.app.clone());
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
    let reference = send(&mut parent).await;
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    let version = shown_version(&mut coordinator, &reference).await;
    let pairs = [("reference", reference.as_str()), ("version", &version), ("action", "start_screening")];
    coordinator.submit("/api/centre/case/act", &pairs).await;

    let queued = db.raw_column::<String>("SELECT recipient FROM outbox ORDER BY id").await;
    assert_eq!(queued, [format!("centre:{centre}"), format!("referrer:{reference}")]);
    let everything = db.raw_column::<String>("SELECT kind || recipient || subject || body FROM outbox").await;
    assert!(everything.iter().all(|m| !m.contains('@')), "no address anywhere in the outbox: {everything:?}");

    let sink = sink().await;
    let smtp = transport(&format!("smtp://127.0.0.1:{}", sink.port)).unwrap();
    let from = "NACCC Contact Hub <no-reply@naccc.org.uk>".parse().unwrap();
    let done = deliver_due(&db.store, &cipher(), &smtp, &from, &ManualClock::at(NOW + 10)).await.unwrap();
    assert_eq!(done, Delivered { sent: 2, failed: 0 });
    let to = sink.recipients.lock().unwrap().clone();
    assert!(to.contains(&RESIDENT_EMAIL.to_owned()), "the referrer's news reached their safe address: {to:?}");
    assert!(!to.contains(&OTHER_EMAIL.to_owned()), "never the other parent");
    let news = sink.received.lock().unwrap().iter().find(|m| m.contains("News about referral")).cloned().unwrap();
    assert!(news.contains(&format!("To: {RESIDENT_EMAIL}")), "{news}");
}

/// A referral sent on the Welsh pages is remembered as Welsh: the centre's case page says so,
/// and the referrer's news is written in Welsh first, then English (still without any detail).
async fn a_referral_sent_in_welsh_gets_its_news_in_welsh(db: &TestDb) {
    let (mut coordinator, _) = setup(db).await;
    let mut parent = common::web::Browser::new(coordinator.app.clone());
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    let home = parent.get("/?lang=cy").await;
    assert!(home.body.contains(r#"<html lang="cy""#), "the Welsh pages");
    complete_referral(&mut parent, &centre, "resident_parent", &[]).await;
    let reference = send(&mut parent).await;
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    let case = coordinator.get(&format!("/centre/referrals/{reference}")).await;
    assert!(case.body.contains("Welsh (Cymraeg)"), "the centre sees the family's language");
    let version = shown_version(&mut coordinator, &reference).await;
    let pairs = [("reference", reference.as_str()), ("version", &version), ("action", "start_screening")];
    coordinator.submit("/api/centre/case/act", &pairs).await;

    let news =
        db.raw_column::<String>("SELECT subject || '|' || body FROM outbox WHERE recipient LIKE 'referrer:%'").await;
    assert_eq!(news.len(), 1, "{news:?}");
    let (subject, body) = news[0].split_once('|').unwrap();
    assert_eq!(subject, format!("Newyddion am atgyfeiriad {reference} / News about referral {reference}"));
    let (welsh, english) = (body.find("Mae newyddion am atgyfeiriad").unwrap(), body.find("There is news").unwrap());
    assert!(welsh < english, "{body}");
    assert!(body.contains("/refer/status?lang=cy"), "{body}");
}

on_both_backends!(
    a_queued_message_arrives,
    a_failing_server_is_retried_and_nothing_is_lost,
    news_for_the_referrer_holds_no_address_until_it_is_sent,
    a_referral_sent_in_welsh_gets_its_news_in_welsh,
);
