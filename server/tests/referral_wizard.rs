//! The Safe Referral wizard through the real router on real databases, as a browser without
//! JavaScript uses it (plain form posts and redirects) and as scripts or crafted requests do.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::web::{Browser, app, app_at};
use common::wizard::{
    OTHER, OTHER_EMAIL, RESIDENT_EMAIL, centre, complete_referral, count, send, step, submission_key, text_after,
};
use server::platform::clock::ManualClock;
use std::sync::Arc;

async fn a_parent_refers_without_javascript(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    let start = b.get(&format!("/refer?centre={slug}")).await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.body.contains("You are referring to"));
    complete_referral(&mut b, &slug, "resident_parent", &[]).await;
    let session = b.cookies.get("__Host-naccc-session").expect("a session cookie");
    assert!(session.len() >= 20);

    let check = b.get("/refer/check").await;
    assert!(check.body.contains("Amelia Jones") && check.body.contains("Sam Jones"));
    assert_eq!(check.headers["cache-control"], "no-store", "pages with personal data are not cached");
    assert!(check.body.contains(r#"href="/refer/resident-parent?change=1""#), "change links return to the page");
    let reference = send(&mut b).await;
    assert!(reference.starts_with("NR-"), "{reference}");

    assert_eq!(count(db, "SELECT COUNT(*) FROM referrals WHERE state = 'submitted'").await, 1);
    assert_eq!(count(db, "SELECT COUNT(*) FROM outbox WHERE kind = 'referral.new'").await, 1);
    let recipient = db.raw_column::<String>("SELECT recipient FROM outbox").await;
    assert_eq!(recipient, [format!("centre:{slug}")]);
    let body = db.raw_column::<String>("SELECT body FROM outbox").await;
    assert!(!body[0].contains("Amelia") && body[0].contains(&reference), "no personal data in the notice");
    // Defect 12 of #11: the link in a centre's email works (it was a bare path).
    assert!(body[0].contains(&format!("https://hub.example/centre/referrals/{reference}")), "{}", body[0]);
    // The answers are sealed: no plaintext of a known child's name in the raw bytes.
    let sealed = db.raw_column::<Vec<u8>>("SELECT answers FROM referrals").await;
    assert!(!String::from_utf8_lossy(&sealed[0]).contains("Amelia"));

    // A code for checking progress, then the status page in another browser.
    let issued = b.submit("/api/refer/status-code", &[]).await;
    assert_eq!(issued.location(), "/refer/sent#progress-code");
    let shown = b.get("/refer/sent").await;
    let code = text_after(
        shown.body.split_once(r#"id="status-code""#).unwrap().1,
        "Your code</p><p class=\"panel__body code\">",
    );
    assert_eq!(code.len(), 14, "{code}");
    assert!(!b.get("/refer/sent").await.body.contains(&code), "the code is shown once");
    let mut other = Browser::new(b.app.clone());
    let (location, page) =
        other.submit_and_follow("/api/refer/status/check", &[("reference", &reference), ("code", &code)]).await;
    assert_eq!(location, "/refer/status");
    assert!(page.body.contains("Sent to the centre"), "{}", page.body);
    assert!(!page.body.to_lowercase().contains("completed"));
}

async fn a_solicitor_refers_and_gives_their_own_details(db: &TestDb) {
    let slug = centre(db, true).await;
    let mut b = Browser::new(app(db).await);
    complete_referral(&mut b, &slug, "solicitor", &[]).await;
    let check = b.get("/refer/check").await;
    assert!(check.body.contains("Shah &amp; Co Solicitors"));
    send(&mut b).await;
    assert_eq!(count(db, "SELECT COUNT(*) FROM referrals WHERE state = 'submitted'").await, 1);
}

async fn problems_come_back_with_what_was_typed(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    b.submit("/api/refer/start", &[("centre", &slug)]).await;
    let r = step(&mut b, "who", &[]).await;
    assert_eq!(r.location(), "/refer/who?invalid=1");
    let page = b.get(r.location()).await;
    assert!(page.body.contains("There is a problem"));
    assert!(
        page.body.contains(r##"<a href="#who-kind" rel="external">Choose who is making the referral</a>"##),
        "{}",
        page.body
    );
    // A half-right adult page: the typed text is kept and each problem is beside its field.
    let r =
        step(&mut b, "resident-parent", &[("f[name]", "Sam Jones"), ("f[dob_day]", "31"), ("f[dob_month]", "2")]).await;
    let page = b.get(r.location()).await;
    assert!(page.body.contains(r#"value="Sam Jones""#));
    assert!(page.body.contains(r#"value="31""#));
    assert!(page.body.contains(r##"href="#resident-dob-day""##));
    assert!(page.body.contains(r#"id="resident-contact_method-error""#));
}

async fn crafted_requests_are_refused_and_store_nothing(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    // No referral open in this browser.
    let r = b.call("/api/refer/save", &[("step", "who"), ("f[kind]", "cafcass")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    b.submit("/api/refer/start", &[("centre", &slug)]).await;
    let r = b.call("/api/refer/save", &[("step", "who"), ("f[kind]", "grandparent")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("who-kind"), "{}", r.body);
    let r = b.call("/api/refer/save", &[("step", "nowhere")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let long = "x".repeat(3_000);
    let r =
        b.call("/api/refer/save", &[("step", "other-people"), ("f[attending]", "yes"), ("f[details]", &long)]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    let r = b.call("/api/refer/child", &[("number", "7"), ("f[name]", "Ben")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = b.call("/api/refer/submit", &[("key", "../../etc")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = b.call("/api/refer/submit", &[("key", "abc123")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "an incomplete referral is not sent");
    let r = b.call("/api/refer/save", &[]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "missing fields");
    let r = b.call("/api/refer/save", &[("step", "who"), ("f[kind][deeper]", "x")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "fields of the wrong shape: {}", r.body);
    // Nothing of it was stored: the draft is as it started, and nothing was sent or queued.
    assert_eq!(count(db, "SELECT COUNT(*) FROM referrals WHERE state = 'submitted'").await, 0);
    assert_eq!(count(db, "SELECT COUNT(*) FROM outbox").await, 0);
    let tasks = b.get("/refer/tasks").await;
    assert!(tasks.body.contains("You have completed 0 of"), "{}", tasks.body);
}

/// Defect 10 of #11: an erased, closed or declined case left its invitation open, so the other
/// party could still add personal data to it.
async fn an_ended_case_takes_no_second_part(db: &TestDb) {
    for ending in ["UPDATE referrals SET stage = 'declined'", "UPDATE referrals SET erased_at = 1"] {
        let slug = centre(db, false).await;
        let mut b = Browser::new(app(db).await);
        complete_referral(&mut b, &slug, "resident_parent", &[]).await;
        let reference = send(&mut b).await;
        b.submit("/api/refer/invite", &[]).await;
        let page = b.get("/refer/sent").await;
        let code = text_after(
            page.body.split_once(r#"id="invitation-code""#).unwrap().1,
            "Invitation code</p><p class=\"panel__body code\">",
        );
        let mut other = Browser::new(b.app.clone());
        let (location, _) =
            other.submit_and_follow("/api/refer/join/open", &[("reference", &reference), ("code", &code)]).await;
        assert_eq!(location, "/refer/join/who");
        db.execute_raw(&format!("{ending} WHERE reference = $1"), &[&reference]).await.unwrap();
        let who = other.submit("/api/refer/join/who", &[("f[joiner]", "parent")]).await;
        assert_ne!(who.location(), "/refer/join/parent", "{ending}: nothing more is saved");
        other.submit("/api/refer/join/submit", &[]).await;
        let added = "SELECT COUNT(*) FROM referral_invitations WHERE state = 'submitted'";
        assert_eq!(count(db, added).await, 0, "{ending}: no second part is added");
        db.execute_raw("DELETE FROM referral_invitations", &[]).await.unwrap();
    }
}

async fn the_other_parent_joins_without_seeing_the_first_part(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    complete_referral(&mut b, &slug, "resident_parent", &[]).await;
    let reference = send(&mut b).await;
    let invited = b.submit("/api/refer/invite", &[]).await;
    assert_eq!(invited.location(), "/refer/sent#invitation");
    let page = b.get("/refer/sent").await;
    let code = text_after(
        page.body.split_once(r#"id="invitation-code""#).unwrap().1,
        "Invitation code</p><p class=\"panel__body code\">",
    );
    assert_eq!(count(db, "SELECT COUNT(*) FROM referrals WHERE status = 'awaiting_other_parent'").await, 1);

    let mut other = Browser::new(b.app.clone());
    let (location, who) =
        other.submit_and_follow("/api/refer/join/open", &[("reference", &reference), ("code", &code)]).await;
    assert_eq!(location, "/refer/join/who");
    assert!(who.body.contains(r#"id="own-code""#), "the joiner is given a code of their own");
    // From now on the code the sender saw opens nothing, and no new invitation can be made.
    let mut sender_elsewhere = Browser::new(b.app.clone());
    let reuse = sender_elsewhere.submit("/api/refer/join/open", &[("reference", &reference), ("code", &code)]).await;
    assert_eq!(reuse.location(), "/refer/join", "the sender's code no longer opens the other part");
    let again = b.submit("/api/refer/invite", &[]).await;
    assert_eq!(again.location(), "/refer/sent");
    assert!(!b.get("/refer/sent").await.body.contains(r#"id="invitation-code""#));
    for (slug, fields, next) in [
        ("who", vec![("f[joiner]", "parent")], "/refer/join/parent"),
        (
            "parent",
            [
                OTHER[..5].to_vec(),
                // Their own address now, unlike the one the referrer gave: neither page shows the other's.
                vec![("f[email]", "alex.own@example.com"), ("f[parental_responsibility]", "yes")],
            ]
            .concat(),
            "/refer/join/court",
        ),
        ("court", vec![("f[proceedings]", "no"), ("f[social_services]", "no")], "/refer/join/safety"),
        (
            "safety",
            vec![
                ("f[abuse_none]", "yes"),
                ("f[child_offence_conviction]", "no"),
                ("f[abduction_risk]", "no"),
                ("f[drugs_or_alcohol]", "no"),
                ("f[mental_health]", "no"),
                ("f[other_concerns]", "no"),
            ],
            "/refer/join/practical",
        ),
        ("practical", vec![("f[day_sun]", "yes")], "/refer/join/consent"),
        ("consent", vec![("f[truth]", "yes"), ("f[sharing]", "yes")], "/refer/join/check"),
    ] {
        let mut pairs = vec![("step", slug)];
        pairs.extend_from_slice(&fields);
        let r = other.submit("/api/refer/join/save", &pairs).await;
        assert_eq!(r.location(), next, "{slug}: {}", r.body);
        let page = other.get(next).await;
        for secret in ["Sam Jones", "Amelia", RESIDENT_EMAIL, OTHER_EMAIL] {
            assert!(!page.body.contains(secret), "{next} shows {secret}");
        }
    }
    for page in [who, other.get("/refer/join/check").await] {
        assert!(!page.body.contains("Sam Jones") && !page.body.contains("Amelia"), "nothing of the first part");
    }
    let sent = other.submit("/api/refer/join/submit", &[]).await;
    assert_eq!(sent.location(), "/refer/join/sent");
    assert!(other.get("/refer/join/sent").await.body.contains(&reference));
    assert_eq!(count(db, "SELECT COUNT(*) FROM referral_invitations WHERE state = 'submitted'").await, 1);
    assert_eq!(count(db, "SELECT COUNT(*) FROM referrals WHERE status = 'sent'").await, 1);
    assert_eq!(count(db, "SELECT COUNT(*) FROM outbox").await, 2);
    let notice = db.raw_column::<String>("SELECT body FROM outbox WHERE kind = 'referral.second_part'").await;
    assert!(notice[0].contains(&format!("https://hub.example/centre/referrals/{reference}")), "{}", notice[0]);
    let sealed = db.raw_column::<Vec<u8>>("SELECT answers FROM referral_invitations").await;
    assert!(!String::from_utf8_lossy(&sealed[0]).contains("Alex Jones"));
    // The invitation code no longer opens anything.
    let mut third = Browser::new(b.app.clone());
    let again = third.submit("/api/refer/join/open", &[("reference", &reference), ("code", &code)]).await;
    assert_eq!(again.location(), "/refer/join");
}

async fn red_screening_is_routed_to_supervised_contact(db: &TestDb) {
    let red = [
        ("f[abuse_of_children]", "yes"),
        ("f[child_offence_conviction]", "no"),
        ("f[abduction_risk]", "no"),
        ("f[drugs_or_alcohol]", "no"),
        ("f[mental_health]", "no"),
        ("f[other_concerns]", "no"),
    ];
    let supported_only = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    complete_referral(&mut b, &supported_only, "resident_parent", &red).await;
    let page = b.get("/refer/supervised").await;
    assert!(page.body.contains("The children need supervised contact"));
    assert!(page.body.contains("there has been abuse of the children"));
    assert!(page.body.contains("/find-a-centre?service=supervised"));
    for (slug, fields) in
        [("practical", vec![("f[day_sat]", "yes")]), ("consent", vec![("f[truth]", "yes"), ("f[sharing]", "yes")])]
    {
        step(&mut b, slug, &fields).await;
    }
    let check = b.get("/refer/check").await;
    let refused = b.submit("/api/refer/submit", &[("key", &submission_key(&check.body))]).await;
    assert_eq!(refused.location(), "/refer/supervised", "never sent to a supported-only centre");
    assert_eq!(count(db, "SELECT COUNT(*) FROM referrals WHERE state = 'submitted'").await, 0);

    // Moving the referral to a centre with supervised contact sends it there, as supervised.
    let both = {
        let centres = db.store.all_centres().await.unwrap();
        centres.iter().find(|c| c.accepts_online_referrals && c.service.offers_supervised()).unwrap().slug.to_string()
    };
    let moved = b.submit("/api/refer/centre", &[("centre", &both)]).await;
    assert_eq!(moved.location(), "/refer/service");
    send(&mut b).await;
    let services = db.raw_column::<String>("SELECT service FROM referrals WHERE state = 'submitted'").await;
    let lights = db.raw_column::<String>("SELECT light FROM referrals WHERE state = 'submitted'").await;
    assert_eq!((services, lights), (vec!["supervised".to_owned()], vec!["red".to_owned()]));
}

async fn a_draft_is_resumed_in_another_browser_and_guesses_are_throttled(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    b.submit("/api/refer/start", &[("centre", &slug)]).await;
    step(&mut b, "who", &[("f[kind]", "resident_parent")]).await;
    let later = step(&mut b, "service", &[("f[kind]", "supported"), ("intent", "later")]).await;
    assert_eq!(later.location(), "/refer/saved");
    let saved = b.get("/refer/saved").await;
    let reference = text_after(&saved.body, "Your reference</p><p class=\"panel__body code\">");
    let code = text_after(&saved.body, "Your code</p><p class=\"panel__body code\">");

    let mut phone = Browser::new(b.app.clone());
    let wrong = phone.submit("/api/refer/resume", &[("reference", &reference), ("code", "2222-2222-2222")]).await;
    assert_eq!(wrong.location(), "/refer/resume");
    let page = phone.get("/refer/resume").await;
    assert!(page.body.contains("do not match"), "{}", page.body);
    assert!(page.body.contains(&format!(r#"value="{reference}""#)), "the reference typed is kept");
    let (location, tasks) =
        phone.submit_and_follow("/api/refer/resume", &[("reference", &reference), ("code", &code)]).await;
    assert_eq!(location, "/refer/tasks");
    assert!(tasks.body.contains("You have completed 2 of"), "{}", tasks.body);

    // Five wrong codes lock the reference, even for the right code, from any browser.
    let mut guesser = Browser::new(b.app.clone());
    for _ in 0..5 {
        guesser.call("/api/refer/resume", &[("reference", &reference), ("code", "3333-3333-3333")]).await;
    }
    let locked = guesser.call("/api/refer/resume", &[("reference", &reference), ("code", &code)]).await;
    assert_eq!(locked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(locked.body.contains("Too many tries"), "{}", locked.body);
    let audit = db.raw_column::<String>("SELECT outcome FROM audit_log WHERE action = 'referral.draft.resume'").await;
    assert!(audit.iter().any(|o| o == "denied") && audit.iter().any(|o| o == "ok"));
}

async fn exit_this_page_ends_the_session(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    b.submit("/api/refer/start", &[("centre", &slug)]).await;
    assert_eq!(b.get("/refer/tasks").await.status, StatusCode::OK);
    let exit = b.submit("/exit", &[]).await;
    assert_eq!(exit.status, StatusCode::NO_CONTENT);
    let after = b.get("/refer/tasks").await;
    assert_eq!(after.status, StatusCode::NOT_FOUND);
    assert!(after.body.contains("There is no referral open in this browser"));
}

async fn drafts_expire_after_thirty_days(db: &TestDb) {
    let slug = centre(db, false).await;
    let clock = Arc::new(ManualClock::at(1_790_000_000));
    let mut b = Browser::new(app_at(db, clock.clone()).await);
    b.submit("/api/refer/start", &[("centre", &slug)]).await;
    step(&mut b, "who", &[("f[kind]", "resident_parent")]).await;
    clock.advance(server::store::DRAFT_LIFETIME_SECS - 60);
    assert_eq!(b.get("/refer/tasks").await.status, StatusCode::OK, "still open on day 29");
    clock.advance(server::store::DRAFT_LIFETIME_SECS + 60);
    assert_eq!(b.get("/refer/tasks").await.status, StatusCode::NOT_FOUND, "closed after 30 days unsaved");
    assert_eq!(db.store.purge_expired_drafts(clock_now(&clock)).await.unwrap(), 1);
}

fn clock_now(clock: &ManualClock) -> i64 {
    use app::ports::Clock;
    clock.now()
}

async fn the_session_cookie_is_host_only_secure_and_same_site(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    let started = b.submit("/api/refer/start", &[("centre", &slug)]).await;
    let cookie = started
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-naccc-session="))
        .expect("session cookie")
        .to_owned();
    for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
}

/// The hidden `child` id in the "Remove" form after `name` on the children page.
fn remove_id_after(page: &str, name: &str) -> String {
    let at = page.find(&format!(">{name}</dt>")).unwrap_or_else(|| panic!("{name} is not listed: {page}"));
    let marker = r#"name="child" value=""#;
    let from = at + page[at..].find(marker).expect("a remove form") + marker.len();
    page[from..].split('"').next().unwrap().to_owned()
}

/// #11 defect 7: "Remove" named a child by position, so a double press removed two children.
async fn a_remove_pressed_twice_removes_one_child(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    b.submit("/api/refer/start", &[("centre", &slug)]).await;
    for (number, name) in [("1", "Amelia"), ("2", "Ben"), ("3", "Cara")] {
        let child = [("number", number), ("f[name]", name), ("f[id]", "1")];
        let date = [("f[dob_day]", "3"), ("f[dob_month]", "4"), ("f[dob_year]", "2019")];
        let r = b.submit("/api/refer/child", &[&child[..], &date[..]].concat()).await;
        assert_eq!(r.location(), "/refer/children");
    }
    let page = b.get("/refer/children").await.body;
    let ben = remove_id_after(&page, "Ben");
    assert_ne!(ben, remove_id_after(&page, "Amelia"), "a posted f[id] does not set a child's id");
    for _ in 0..2 {
        let r = b.submit("/api/refer/child/remove", &[("child", &ben)]).await;
        assert_eq!(r.location(), "/refer/children");
    }
    let page = b.get("/refer/children").await.body;
    assert!(page.contains(">Amelia</dt>") && page.contains(">Cara</dt>"), "{page}");
    assert!(!page.contains(">Ben</dt>"));
    let r = b.call("/api/refer/child/remove", &[("child", "not a number")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

/// #11 defect 8: a code replaced by several requests at once was shown by each, though only
/// the last one stored works. Now replacement is conditional on the code replaced: of ten at
/// once, one gets a code, and it is the one that works.
async fn of_codes_made_at_once_only_the_stored_one_is_shown(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    b.submit("/api/refer/start", &[("centre", &slug)]).await;
    let saved = b.submit_and_follow("/api/refer/save-later", &[]).await.1;
    let reference = text_after(&saved.body, "Your reference</p><p class=\"panel__body code\">");
    let r = shared::referral::ReferralReference::parse(&reference).unwrap();
    let now = app::ports::Clock::now(&server::platform::clock::SystemClock);
    let made = futures_util::future::join_all((0..10).map(|_| db.store.reissue_code(&r, now))).await;
    let codes: Vec<_> = made.into_iter().filter_map(|c| c.unwrap()).collect();
    assert_eq!(codes.len(), 1, "one of the ten replaced the code; the rest were told they lost");
    let mut phone = Browser::new(b.app.clone());
    let shown = codes[0].to_display_once();
    let (location, _) =
        phone.submit_and_follow("/api/refer/resume", &[("reference", &reference), ("code", &shown)]).await;
    assert_eq!(location, "/refer/tasks", "the code given out is the code stored");

    // "Save and come back later" pressed twice: the page shown makes the code, once.
    b.submit("/api/refer/save-later", &[]).await;
    b.submit("/api/refer/save-later", &[]).await;
    let page = b.get("/refer/saved").await.body;
    let code = text_after(&page, "Your code</p><p class=\"panel__body code\">");
    assert!(!b.get("/refer/saved").await.body.contains("Your code</p>"), "shown once");
    let mut tablet = Browser::new(b.app.clone());
    let (location, _) =
        tablet.submit_and_follow("/api/refer/resume", &[("reference", &reference), ("code", &code)]).await;
    assert_eq!(location, "/refer/tasks");
}

/// #11 defect 8 and its review: opening an invitation replaced its code in the request, so of
/// two at once the page shown could have no working code. Now the joiner's own code is made
/// by the page that shows it, for the opening session only; and from the moment it is opened
/// the invitation code opens nothing for anyone (the sender saw it).
async fn an_opened_invitation_works_for_nobody_else_and_its_joiner_gets_their_own_code(db: &TestDb) {
    let slug = centre(db, false).await;
    let mut b = Browser::new(app(db).await);
    complete_referral(&mut b, &slug, "resident_parent", &[]).await;
    let reference = send(&mut b).await;
    b.submit("/api/refer/invite", &[]).await;
    let page = b.get("/refer/sent").await;
    let code = text_after(
        page.body.split_once(r#"id="invitation-code""#).unwrap().1,
        "Invitation code</p><p class=\"panel__body code\">",
    );
    let mut other = Browser::new(b.app.clone());
    let open = [("reference", reference.as_str()), ("code", code.as_str())];
    assert_eq!(other.submit("/api/refer/join/open", &open).await.location(), "/refer/join/who");
    // Before the joiner's page has made their code, the invitation code already opens nothing.
    let mut sender = Browser::new(b.app.clone());
    assert_eq!(sender.submit("/api/refer/join/open", &open).await.location(), "/refer/join");
    assert_eq!(other.submit("/api/refer/join/open", &open).await.location(), "/refer/join", "not even again");
    let who = other.get("/refer/join/who").await.body;
    assert!(who.contains(r#"id="own-code""#), "the page shown gives the joiner their code");
    let own = text_after(&who, "Your code</p><p class=\"panel__body code\">");
    assert!(!other.get("/refer/join/who").await.body.contains(r#"id="own-code""#), "once");
    assert!(!sender.get("/refer/join/who").await.body.contains(&own), "nobody else is shown it");
    let mut later = Browser::new(b.app.clone());
    let back = later.submit("/api/refer/join/open", &[("reference", &reference), ("code", &own)]).await;
    assert_eq!(back.location(), "/refer/join/who", "their own code opens their part again");
}

on_both_backends!(
    of_codes_made_at_once_only_the_stored_one_is_shown,
    an_opened_invitation_works_for_nobody_else_and_its_joiner_gets_their_own_code,
    a_remove_pressed_twice_removes_one_child,
    a_parent_refers_without_javascript,
    a_solicitor_refers_and_gives_their_own_details,
    problems_come_back_with_what_was_typed,
    crafted_requests_are_refused_and_store_nothing,
    the_other_parent_joins_without_seeing_the_first_part,
    red_screening_is_routed_to_supervised_contact,
    a_draft_is_resumed_in_another_browser_and_guesses_are_throttled,
    an_ended_case_takes_no_second_part,
    exit_this_page_ends_the_session,
    drafts_expire_after_thirty_days,
    the_session_cookie_is_host_only_secure_and_same_site,
);
