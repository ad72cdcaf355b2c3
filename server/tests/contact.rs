//! The contact form through the real router, on both databases: a refused plain form comes back
//! with what was typed; a message is kept once per form however often it is sent, sealed at rest,
//! with one notice to NACCC that says nothing of it; one address can send only so many, even all
//! at once; NACCC's administrators read (audit-logged) and mark them handled; nobody else can;
//! retention erases handled messages.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::staff::{NOW, setup, sign_in};
use common::web::Browser;
use shared::account::Role;
use shared::contact::{EMAIL, MESSAGE, MESSAGES_OK, MESSAGES_PER_SENDER, NAME, PHONE, REPLY};

fn f(name: &str) -> String {
    format!("f[{name}]")
}

/// The key the contact page gives its form.
async fn form_key(b: &mut Browser) -> String {
    let page = b.get("/contact").await;
    assert_eq!(page.status, StatusCode::OK);
    page.body.split("name=\"key\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_owned()
}

async fn the_contact_form_keeps_each_message_once_sealed_and_within_the_limit(db: &TestDb) {
    let (mut b, clock) = setup(db).await;
    let app = b.app.clone();

    // Refused without JavaScript: back to the form with the problems and what was typed.
    let key = form_key(&mut b).await;
    let (location, refused) = b
        .submit_and_follow(
            "/api/contact/send",
            &[
                ("key", &key),
                (&f(NAME), "Jo Parent"),
                (&f(REPLY), "phone"),
                (&f(PHONE), "not a number"),
                (&f(MESSAGE), "Hello"),
            ],
        )
        .await;
    assert_eq!(location, "/contact");
    assert!(refused.body.contains("Enter a UK phone number"), "{}", refused.body);
    assert!(refused.body.contains("Say whether we may leave a message on this phone"));
    assert!(refused.body.contains("value=\"Jo Parent\""), "typing kept");
    // Kept for the page sealed: the session store never holds what was typed in clear.
    let sessions: Vec<Vec<u8>> = db.raw_column("SELECT data FROM sessions").await;
    assert!(!sessions.is_empty());
    assert!(sessions.iter().all(|s| !s.windows(9).any(|w| w == b"Jo Parent")));
    // The page is never kept by the browser.
    let form = b.get("/contact").await;
    assert_eq!(form.headers.get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));

    // Sent twice (a second press): kept once, one notice.
    let words = "Is there a centre open on Saturdays near Leeds?";
    let message = [
        ("key", key.as_str()),
        (&f(NAME), "Jo Parent"),
        (&f(REPLY), "phone"),
        (&f(PHONE), "07700 900 982"),
        (&f(MESSAGES_OK), "no"),
        (&f(MESSAGE), words),
        ("f[not-a-field]", "dropped"),
    ];
    let message: Vec<(String, &str)> = message.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    let pairs: Vec<(&str, &str)> = message.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    for _ in 0..2 {
        let r = b.submit("/api/contact/send", &pairs).await;
        assert_eq!(r.location(), "/contact/sent", "{}", r.body);
    }
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM contact_messages").await, [1]);
    // A different message under the form already sent is not lost quietly: back to the page.
    let changed: Vec<(&str, &str)> =
        pairs.iter().map(|&(k, v)| if k == f(MESSAGE) { (k, "Something else") } else { (k, v) }).collect();
    let (location, page) = b.submit_and_follow("/api/contact/send", &changed).await;
    assert_eq!(location, "/contact");
    assert!(page.body.contains("This form was sent before"), "{}", page.body);
    assert!(page.body.contains("Something else"), "typing kept");
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM contact_messages").await, [1]);
    // A key the page never gives is refused.
    let forged = b.submit("/api/contact/send", &[("key", "../../etc"), (&f(NAME), "X")]).await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    let notices: Vec<String> = db.raw_column("SELECT body FROM outbox WHERE kind = 'contact.received'").await;
    assert_eq!(notices.len(), 1);
    assert!(!notices[0].contains("Jo Parent") && !notices[0].contains("Saturdays"), "{}", notices[0]);
    let recipients: Vec<String> = db.raw_column("SELECT recipient FROM outbox WHERE kind = 'contact.received'").await;
    assert_eq!(recipients, ["naccc:administrators"]);
    // Sealed at rest: neither the name, nor the number, nor the words are in the row.
    let raw: Vec<Vec<u8>> = db.raw_column("SELECT sealed FROM contact_messages").await;
    let holds = |bytes: &[u8], text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    assert!(raw.iter().all(|r| !holds(r, "Jo Parent") && !holds(r, "07700") && !holds(r, "Saturdays")));
    let sent = b.get("/contact/sent").await;
    assert!(sent.body.contains("Message sent"));

    // One address, many at once: only the limit's worth are kept (one is kept already).
    let sends = (0..8).map(|i| {
        let app = app.clone();
        async move {
            let mut browser = Browser::new(app);
            let key = format!("{i:032x}");
            let text = format!("Message number {i}");
            browser
                .submit(
                    "/api/contact/send",
                    &[("key", key.as_str()), (&f(NAME), "Sam"), (&f(REPLY), "none"), (&f(MESSAGE), text.as_str())],
                )
                .await
                .location()
                .to_owned()
        }
    });
    let locations = futures_util::future::join_all(sends).await;
    let kept = locations.iter().filter(|l| *l == "/contact/sent").count();
    assert_eq!(kept as i64, MESSAGES_PER_SENDER - 1, "{locations:?}");
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM contact_messages").await, [MESSAGES_PER_SENDER]);
    // The one refused is told why, with what was typed.
    let mut late = Browser::new(app.clone());
    let key = form_key(&mut late).await;
    let (_, page) = late
        .submit_and_follow(
            "/api/contact/send",
            &[
                ("key", &key),
                (&f(NAME), "Sam"),
                (&f(REPLY), "email"),
                (&f(EMAIL), "sam@example.com"),
                (&f(MESSAGE), "One more"),
            ],
        )
        .await;
    assert!(page.body.contains("You cannot send another message just now"), "{}", page.body);
    assert!(page.body.contains("5 messages in 1 hour"));
    assert!(page.body.contains("One more"), "typing kept");

    // NACCC's administrators read them (audit-logged) and mark one handled.
    let mut admin = Browser::new(app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let inbox = admin.get("/admin/messages").await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);
    assert!(inbox.body.contains("Jo Parent"));
    assert!(inbox.body.contains("Phone 07700900982 (do not leave a message)"));
    assert!(inbox.body.contains(words));
    assert!(inbox.body.contains("5 not yet handled."), "{}", inbox.body);
    let audit: Vec<String> = db.raw_column("SELECT action FROM audit_log WHERE action LIKE 'contact.%'").await;
    assert_eq!(audit, ["contact.read"]);
    let id: i64 = db.raw_column("SELECT MIN(id) FROM contact_messages").await[0];
    let mark = [("id", id.to_string()), ("handled", "yes".to_owned())];
    let mark: Vec<(&str, &str)> = mark.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for _ in 0..2 {
        let r = admin.submit("/api/admin/messages/mark", &mark).await;
        assert!(r.location().starts_with("/admin/messages?marked=handled"), "{}", r.location());
    }
    let inbox = admin.get("/admin/messages").await;
    assert!(inbox.body.contains("4 not yet handled."));
    assert!(inbox.body.contains("Handled "));
    assert_eq!(
        admin.submit("/api/admin/messages/mark", &[("id", "999999"), ("handled", "yes")]).await.status,
        StatusCode::NOT_FOUND
    );

    // Nobody else reads them or marks them.
    for role in [Role::Board, Role::CentreManager] {
        let mut other = Browser::new(app.clone());
        sign_in(&mut other, role, NOW).await;
        assert_eq!(other.get("/admin/messages").await.status, StatusCode::FORBIDDEN, "{role:?}");
        assert_eq!(other.submit("/api/admin/messages/mark", &mark).await.status, StatusCode::FORBIDDEN);
    }
    let mut nobody = Browser::new(app);
    assert!(!nobody.get("/admin/messages").await.body.contains("Jo Parent"));

    // Retention erases messages once their time is up (after handling, or after arrival if
    // nobody handled them), and says so in the audit log.
    server::cases::retention::erase_expired(&db.store, NOW + 700 * 86_400, 730).await.unwrap();
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM contact_messages").await, [MESSAGES_PER_SENDER]);
    clock.set(NOW + 800 * 86_400);
    server::cases::retention::erase_expired(&db.store, NOW + 800 * 86_400, 730).await.unwrap();
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM contact_messages").await, [0]);
    let erased: Vec<String> = db.raw_column("SELECT detail FROM audit_log WHERE action = 'contact.erase'").await;
    assert_eq!(erased, [format!("messages={MESSAGES_PER_SENDER} retention_days=730")]);
}

#[test]
fn contact_on_sqlite() {
    common::run(async {
        the_contact_form_keeps_each_message_once_sealed_and_within_the_limit(&TestDb::sqlite().await).await
    });
}

#[test]
fn contact_on_postgres() {
    common::run(async {
        if let Some(db) = TestDb::postgres().await {
            the_contact_form_keeps_each_message_once_sealed_and_within_the_limit(&db).await;
        }
    });
}
