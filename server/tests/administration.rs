//! NACCC administration through the real router, as a browser without JavaScript and as scripts:
//! inviting someone (an emailed single-use link, a first password, an authenticator), password
//! resets, changing roles, disabling and ending sessions (each on the user's next request), the
//! audit log's filters, the headers of signed-in pages, and the public rate limit.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::staff::{NOW, code_at, code_for, email, setup, sign_in};
use common::web::Browser;
use server::staff::accounts::DEMO_PASSWORD;
use shared::account::Role;

/// The token of the newest email of `kind` to `recipient`, and how many such emails there are.
async fn newest_link(db: &TestDb, kind: &str, recipient: &str) -> (String, usize) {
    let bodies = emails(db, kind, recipient, 1).await;
    let newest = bodies.first().unwrap_or_else(|| panic!("no {kind} email to {recipient}"));
    let token = newest.split("token=").nth(1).unwrap().split_whitespace().next().unwrap().to_owned();
    (token, bodies.len())
}

/// The bodies of `kind` emails to `recipient`, newest first, once there are at least `least`
/// (a reset email is queued just after the answer, so that its timing tells nothing).
async fn emails(db: &TestDb, kind: &str, recipient: &str, least: usize) -> Vec<String> {
    // The outbox names the account, never its address.
    let query = format!(
        "SELECT body FROM outbox WHERE kind = '{kind}' \
         AND recipient = (SELECT 'user:' || id FROM users WHERE email = '{recipient}') ORDER BY id DESC"
    );
    for _ in 0..100 {
        let bodies = db.raw_column::<String>(&query).await;
        if bodies.len() >= least {
            return bodies;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    db.raw_column::<String>(&query).await
}

/// Signs the demo coordinator in at `at` (a later authenticator code: each works once); where it lands.
async fn sign_in_again(b: &mut Browser, clock: &server::platform::clock::ManualClock, at: i64) -> String {
    clock.set(at);
    let address = email(Role::CentreCoordinator);
    let r = b.submit("/api/login", &[("email", &address), ("password", DEMO_PASSWORD)]).await;
    if r.location() != "/login/code" {
        return r.location().to_owned();
    }
    b.submit("/api/login/code", &[("code", &code_at(&address, at))]).await.location().to_owned()
}

fn refs<'a>(pairs: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    pairs.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn text_after(html: &str, id: &str) -> String {
    let start = html.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("{id} not on the page"));
    let after = &html[start..];
    let open = after.find('>').unwrap() + 1;
    let close = after[open..].find('<').unwrap();
    after[open..open + close].to_owned()
}

async fn an_invited_person_chooses_a_password_and_sets_up_an_authenticator(db: &TestDb) {
    let (mut admin, clock) = setup(db).await;
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    // Problems come back beside their fields, with what was typed.
    let r = admin
        .submit("/api/admin/users/invite", &[("f[email]", "sam@centre.example"), ("f[name]", ""), ("f[role]", "board")])
        .await;
    assert_eq!(r.location(), "/admin/users/invite");
    let page = admin.get("/admin/users/invite").await.body;
    assert!(page.contains("Enter the full name") && page.contains(r#"value="sam@centre.example""#), "{page}");
    let invite = [
        ("f[email]", "Sam.Jones@Centre.example"),
        ("f[name]", "Sam Jones"),
        ("f[role]", "centre_coordinator"),
        ("f[centre]", centre.as_str()),
    ];
    let r = admin.submit("/api/admin/users/invite", &invite).await;
    assert!(r.location().starts_with("/admin/users/") && r.location().ends_with("?done=invited"), "{}", r.location());
    let account = admin.get(r.location()).await.body;
    assert!(account.contains("Invitation sent.") && account.contains("Invited"), "{account}");
    // The same email again is refused.
    let again = admin.call("/api/admin/users/invite", &invite).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("already exists"));

    let (token, emails) = newest_link(db, "account.invitation", "sam.jones@centre.example").await;
    assert_eq!(emails, 1);
    let stored = format!("SELECT COUNT(*) FROM account_links WHERE token_hash = '{token}'");
    assert_eq!(db.raw_column::<i64>(&stored).await, [0], "only a hash of the token is kept");
    let mut sam = Browser::new(admin.app.clone());
    let link = format!("/login/password?token={token}");
    let page = sam.get(&link).await;
    assert_eq!(page.headers["cache-control"], "no-store");
    assert!(page.body.contains("Choose your password"), "{}", page.body);
    // Too short, then too easy to guess: each explained, nothing used up.
    let r = sam.submit("/api/login/password", &[("token", &token), ("f[password]", "short")]).await;
    assert_eq!(r.location(), link);
    assert!(sam.get(&link).await.body.contains("at least 8 characters"));
    sam.submit("/api/login/password", &[("token", &token), ("f[password]", "password123")]).await;
    assert!(sam.get(&link).await.body.contains("harder to guess"));
    let r =
        sam.submit("/api/login/password", &[("token", &token), ("f[password]", "lantern orchard pebble swim")]).await;
    assert_eq!(r.location(), "/login/enrol");
    let enrol = sam.get("/login/enrol").await.body;
    let key = text_after(&enrol, "totp-key");
    let secret = totp_rs::Secret::try_from_base32(key.trim()).unwrap();
    let secret = secret.as_bytes();
    let code = code_for(secret, "sam.jones@centre.example", NOW);
    let r = sam.submit("/api/login/enrol", &[("code", &code)]).await;
    assert_eq!(r.location(), "/login/recovery-codes");
    assert_eq!(sam.get("/centre").await.status, StatusCode::OK);
    // The link worked once.
    assert!(sam.get(&link).await.body.contains("This link no longer works"));
    sam.call("/api/login/password", &[("token", &token), ("f[password]", "another long passphrase")]).await;
    // And the person signs in later with what they chose.
    clock.advance(60);
    let mut later = Browser::new(admin.app.clone());
    let r = later
        .submit("/api/login", &[("email", "sam.jones@centre.example"), ("password", "lantern orchard pebble swim")])
        .await;
    assert_eq!(r.location(), "/login/code");
    let mut reused = Browser::new(admin.app.clone());
    let r = reused
        .submit("/api/login", &[("email", "sam.jones@centre.example"), ("password", "another long passphrase")])
        .await;
    assert_eq!(r.location(), "/login", "a used link changes nothing");
    let audit = db.raw_column::<String>("SELECT action FROM audit_log ORDER BY id").await;
    for action in ["admin.user.invite", "account.invitation.accepted", "staff.enrol"] {
        assert!(audit.contains(&action.to_owned()), "{action} in {audit:?}");
    }
}

async fn a_password_reset_link_works_once_ends_sessions_and_keeps_the_authenticator(db: &TestDb) {
    let (mut signed_in, clock) = setup(db).await;
    sign_in(&mut signed_in, Role::Board, NOW).await;
    let board = email(Role::Board);
    let mut b = Browser::new(signed_in.app.clone());
    for address in [board.as_str(), "nobody@demo.naccc.org.uk"] {
        let r = b.submit("/api/login/forgot", &[("f[email]", address)]).await;
        assert_eq!(r.location(), "/login/forgot/sent", "the same answer for {address}");
    }
    assert!(b.get("/login/forgot/sent").await.body.contains("Check your email"));
    emails(db, "account.password_reset", &board, 1).await;
    b.submit("/api/login/forgot", &[("f[email]", &board)]).await;
    // Given time to (wrongly) queue a second one.
    assert_eq!(emails(db, "account.password_reset", &board, 2).await.len(), 1, "no second email within minutes");
    let (token, _) = newest_link(db, "account.password_reset", &board).await;
    let resets = "SELECT COUNT(*) FROM outbox WHERE kind = 'account.password_reset'";
    assert_eq!(db.raw_column::<i64>(resets).await, [1], "nothing for the unknown addresses");

    clock.advance(10);
    let r = b.submit("/api/login/password", &[("token", &token), ("f[password]", "violet harbour kettle drum")]).await;
    assert_eq!(r.location(), "/login?password-changed=1");
    assert!(b.get("/login?password-changed=1").await.body.contains("Your password has been changed"));
    assert_eq!(signed_in.get("/board").await.location(), "/login", "sessions signed in before the reset end");

    clock.advance(1);
    let old = b.submit("/api/login", &[("email", &board), ("password", DEMO_PASSWORD)]).await;
    assert_eq!(old.location(), "/login", "the old password no longer works");
    let new = b.submit("/api/login", &[("email", &board), ("password", "violet harbour kettle drum")]).await;
    assert_eq!(new.location(), "/login/code", "the authenticator is still asked for");
    clock.set(NOW + 60); // a new authenticator time step: each code works once
    let r = b.submit("/api/login/code", &[("code", &code_at(&board, NOW + 60))]).await;
    assert_eq!(r.location(), "/board");

    // A link unused for over an hour has expired.
    clock.advance(10 * 60);
    b.submit("/api/login/forgot", &[("f[email]", &board)]).await;
    assert_eq!(emails(db, "account.password_reset", &board, 2).await.len(), 2);
    let (token, _) = newest_link(db, "account.password_reset", &board).await;
    clock.advance(60 * 60 + 1);
    assert!(b.get(&format!("/login/password?token={token}")).await.body.contains("This link no longer works"));
}

async fn role_changes_disabling_and_ending_sessions_apply_on_the_next_request(db: &TestDb) {
    let (mut admin, clock) = setup(db).await;
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let mut coordinator = Browser::new(admin.app.clone());
    sign_in(&mut coordinator, Role::CentreCoordinator, NOW).await;
    let id = db.store.user_by_email(&email(Role::CentreCoordinator)).await.unwrap().unwrap().id;
    let page = format!("/admin/users/{id}");
    clock.advance(1);

    // A centre role without a centre is refused, and nothing changes.
    let r = admin.submit("/api/admin/user/role", &[("id", &id.to_string()), ("f[role]", "centre_manager")]).await;
    assert_eq!(r.location(), page);
    assert!(admin.get(&page).await.body.contains("Choose the centre this person works for"));
    assert_eq!(coordinator.get("/centre").await.status, StatusCode::OK);

    let r =
        admin.submit("/api/admin/user/role", &[("id", &id.to_string()), ("f[role]", "board"), ("f[centre]", "")]).await;
    assert_eq!(r.location(), format!("{page}?done=role"));
    assert_eq!(coordinator.get("/centre").await.location(), "/login", "signed out at once");
    // Signing in again, now as a board member.
    assert_eq!(sign_in_again(&mut coordinator, &clock, NOW + 60).await, "/board");
    assert_eq!(coordinator.get("/board").await.status, StatusCode::OK);
    assert_eq!(coordinator.get("/centre").await.status, StatusCode::FORBIDDEN);
    clock.advance(1);

    let id_text = id.to_string();
    let act = |action: &'static str| [("id", id_text.clone()), ("action", action.to_owned())];
    let r = admin.submit("/api/admin/user/act", &refs(&act("disabled"))).await;
    assert_eq!(r.location(), format!("{page}?done=disabled"));
    assert!(admin.get(r.location()).await.body.contains("Account disabled"));
    assert_eq!(coordinator.get("/board").await.location(), "/login");
    assert_eq!(sign_in_again(&mut coordinator, &clock, NOW + 120).await, "/login", "a disabled account cannot sign in");
    admin.submit("/api/admin/user/act", &refs(&act("enabled"))).await;
    assert_eq!(sign_in_again(&mut coordinator, &clock, NOW + 180).await, "/board");
    clock.advance(1);
    admin.submit("/api/admin/user/act", &refs(&act("sessions"))).await;
    assert_eq!(coordinator.get("/board").await.location(), "/login", "sessions ended");

    // An administrator cannot disable themselves or change their own role.
    let own = db.store.user_by_email(&email(Role::NacccAdmin)).await.unwrap().unwrap().id;
    let r = admin.call("/api/admin/user/act", &[("id", &own.to_string()), ("action", "disabled")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("cannot change your own role"));
    let r = admin.call("/api/admin/user/role", &[("id", &own.to_string()), ("f[role]", "board")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(admin.get("/admin").await.status, StatusCode::OK);

    let changes = db
        .raw_column::<String>(&format!(
            "SELECT action FROM audit_log WHERE object = 'user:{id}' AND actor = 'user:{own}' ORDER BY id"
        ))
        .await;
    assert_eq!(changes, ["admin.user.role", "admin.user.disable", "admin.user.enable", "admin.user.end_sessions"]);
}

async fn the_audit_log_is_filtered_and_signed_in_pages_carry_the_security_headers(db: &TestDb) {
    let (mut admin, _) = setup(db).await;
    let mut other = Browser::new(admin.app.clone());
    other.submit("/api/login", &[("email", &email(Role::Board)), ("password", "not the password")]).await;
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let all = admin.get("/admin/audit").await;
    assert_eq!(all.status, StatusCode::OK);
    for (header, value) in [
        ("cache-control", "no-store"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("strict-transport-security", "max-age=63072000; includeSubDomains"),
    ] {
        assert_eq!(all.headers[header], value, "{header}");
    }
    let csp = all.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("'nonce-") && csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"));
    assert!(all.body.contains("staff.sign_in.password") && all.body.contains("staff.sign_in.code"));

    let failed = admin.get("/admin/audit?action=staff.sign_in&outcome=failed").await.body;
    let rows = failed.matches("<tr>").count() - 1; // less the header row
    assert_eq!(rows, 1, "only the failed sign-in: {failed}");
    assert!(failed.contains("staff.sign_in.password") && !failed.contains("staff.sign_in.code"));
    let none = admin.get("/admin/audit?from=2001-01-01&to=2001-01-02").await.body;
    assert!(none.contains("No entries match."));
    let bad = admin.get("/admin/audit?from=23%2F11%2F2026&actor=bob").await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("Enter the date as a real date") && bad.body.contains(r##"href="#audit-actor""##));

    // Reading the outbox (its emails hold one-time links until sent) is on the record too.
    let views = "SELECT COUNT(*) FROM audit_log WHERE action = 'admin.outbox.view'";
    assert_eq!(db.raw_column::<i64>(views).await, [0]);
    assert_eq!(admin.get("/admin/outbox").await.status, StatusCode::OK);
    assert_eq!(db.raw_column::<i64>(views).await, [1], "each view of the outbox is audit-logged");
}

async fn public_endpoints_are_rate_limited_per_address(db: &TestDb) {
    use axum::body::Body;
    use axum::http::Request;
    let clock = std::sync::Arc::new(server::platform::clock::ManualClock::at(NOW));
    let edge =
        server::web::edge::Edge::new(1, server::web::edge::public_quota(server::web::edge::PUBLIC_CALLS_PER_MINUTE));
    let app = common::web::app_with_edge(db, clock, edge).await;
    let call = |from: &'static str, path: &'static str| {
        Request::post(path)
            .header("x-forwarded-for", from)
            .header("sec-fetch-site", "same-origin")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(Body::from("reference=NR-AAAA-AAAA&code=x"))
            .unwrap()
    };
    let mut limited = 0;
    for _ in 0..200 {
        let r = common::web::send_request(&app, call("198.51.100.7", "/api/refer/resume")).await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(r.headers.contains_key("retry-after"));
            limited += 1;
        }
    }
    assert!(limited >= 50, "a script hammering the wizard is stopped ({limited} refused)");
    let other = common::web::send_request(&app, call("198.51.100.8", "/api/refer/resume")).await;
    assert_ne!(other.status, StatusCode::TOO_MANY_REQUESTS, "another address has its own allowance");
    let login = common::web::send_request(&app, call("198.51.100.7", "/api/login")).await;
    assert_eq!(login.status, StatusCode::TOO_MANY_REQUESTS, "sign-in shares the address's allowance");
    let page = common::web::send_request(&app, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(page.status, StatusCode::OK, "pages are not limited");
}

on_both_backends!(
    an_invited_person_chooses_a_password_and_sets_up_an_authenticator,
    a_password_reset_link_works_once_ends_sessions_and_keeps_the_authenticator,
    role_changes_disabling_and_ending_sessions_apply_on_the_next_request,
    the_audit_log_is_filtered_and_signed_in_pages_carry_the_security_headers,
    public_endpoints_are_rate_limited_per_address,
);
