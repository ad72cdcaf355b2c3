//! Questions NACCC adds to a quarter's return, through the real router as browsers without
//! JavaScript: an administrator adds them (once per form, checked by the shared rules), a
//! manager answers them with the figures (a required one blocks submission until answered),
//! the questions are fixed once a return is submitted, and the answers download as CSV.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::returns::form_fields;
use common::staff::{NOW, setup, sign_in};
use common::web::Browser;
use shared::account::Role;

/// NOW is 2026-11-18: the quarter under way.
const QUARTER: &str = "2026-Q4";

fn key_on(page: &str) -> String {
    page.split(r#"name="key" value=""#).nth(1).map(|s| s[..s.find('"').unwrap()].to_owned()).expect("a form key")
}

/// Submits the return with `fields`; where the browser is sent.
async fn submit_return(manager: &mut Browser, fields: &[(String, String)]) -> String {
    let mut pairs = fields.to_vec();
    pairs.push(("quarter".into(), QUARTER.into()));
    pairs.push(("intent".into(), "submit".into()));
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    manager.submit("/api/centre/return/save", &refs).await.location().to_owned()
}

/// The `<input …>` tag with this id.
fn input_tag<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("no input {id}"));
    let start = html[..at].rfind('<').unwrap();
    &html[start..at + html[at..].find('>').unwrap()]
}

async fn questions_are_added_once_answered_with_the_return_and_fixed_once_one_is_submitted(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    let app = b.app.clone();
    let mut admin = Browser::new(app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let page = admin.get("/admin/returns/questions").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("Questions for the return: October to December 2026 (2026-Q4)"),
        "the quarter under way"
    );
    assert!(page.body.contains("No questions have been added"));
    let key = key_on(&page.body);
    let form = |key: &str, pairs: &[(&'static str, &'static str)]| {
        let mut all = vec![("quarter", QUARTER.to_owned()), ("key", key.to_owned())];
        all.extend(pairs.iter().map(|(k, v)| (*k, (*v).to_owned())));
        all
    };

    // A choice question with one answer to choose from is refused, and what was typed comes back.
    let bad = form(
        &key,
        &[
            ("f[question-text]", "Presenting issues"),
            ("f[question-kind]", "one_choice"),
            ("f[question-choices]", "Only one"),
        ],
    );
    let refs: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = admin.submit("/api/admin/returns/question/add", &refs).await;
    assert_eq!(r.location(), format!("/admin/returns/questions?quarter={QUARTER}"));
    let back = admin.get(r.location()).await.body;
    assert!(back.contains("Enter at least two answers to choose from, one on each line"), "{back}");
    assert!(back.contains("Presenting issues"), "what was typed is kept");

    // A required yes/no question, sent twice: added once.
    let good = form(
        &key,
        &[
            ("f[question-text]", "Did any family come to you from a refuge?"),
            ("f[question-kind]", "yes_no"),
            ("f[question-required]", "yes"),
        ],
    );
    let refs: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for _ in 0..2 {
        let r = admin.submit("/api/admin/returns/question/add", &refs).await;
        assert_eq!(r.location(), format!("/admin/returns/questions?quarter={QUARTER}&done=added"));
    }
    // And an optional several-choices one, from a fresh form.
    let key2 = key_on(&admin.get("/admin/returns/questions").await.body);
    let several = form(
        &key2,
        &[
            ("f[question-text]", "Which issues did families present with?"),
            ("f[question-kind]", "several_choices"),
            ("f[question-choices]", "Domestic abuse\nMental health\nParental conflict"),
        ],
    );
    let refs: Vec<(&str, &str)> = several.iter().map(|(k, v)| (*k, v.as_str())).collect();
    admin.submit("/api/admin/returns/question/add", &refs).await;
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM return_questions").await, vec![2]);
    let ids: Vec<i64> = db.raw_column("SELECT id FROM return_questions ORDER BY position").await;
    let (refuge, issues) = (format!("q-{}", ids[0]), format!("q-{}", ids[1]));

    // The manager's return asks them after the figures.
    let mut manager = Browser::new(app.clone());
    sign_in(&mut manager, Role::CentreManager, NOW).await;
    let page = manager.get(&format!("/centre/returns/{QUARTER}")).await.body;
    assert!(page.contains("Questions from NACCC for this quarter"), "{page}");
    assert!(page.contains("Which issues did families present with? (optional)"));
    let mut fields: Vec<(String, String)> = form_fields(&page)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("f[q-"))
        .map(|(k, v)| {
            let figure = !k.starts_with("f[why-");
            (k, if figure && v.is_empty() { "0".to_owned() } else { v })
        })
        .collect();
    // The required question unanswered: refused, saying which.
    let location = submit_return(&mut manager, &fields).await;
    assert_eq!(location, format!("/centre/returns/{QUARTER}"));
    let back = manager.get(&location).await.body;
    assert!(back.contains("Did any family come to you from a refuge?: answer this question"), "{back}");
    // Answered (and two issues ticked): submitted.
    fields.push((format!("f[{refuge}]"), "yes".into()));
    fields.push((format!("f[{issues}-0]"), "yes".into()));
    fields.push((format!("f[{issues}-2]"), "yes".into()));
    let location = submit_return(&mut manager, &fields).await;
    assert_eq!(location, format!("/centre/returns/{QUARTER}?done=submitted"));
    let shown = manager.get(&format!("/centre/returns/{QUARTER}")).await.body;
    assert!(input_tag(&shown, &format!("{issues}-2")).contains("checked"), "the answers stay ticked");
    assert!(!input_tag(&shown, &format!("{issues}-1")).contains("checked"));
    assert!(input_tag(&shown, &refuge).contains("checked"), "yes stays chosen");

    // Now the quarter's questions are fixed: nothing added, nothing removed.
    let page = admin.get("/admin/returns/questions").await.body;
    assert!(page.contains("its questions are fixed"), "{page}");
    assert!(!page.contains("Add a question"));
    let late = form("another-form", &[("f[question-text]", "One more?"), ("f[question-kind]", "yes_no")]);
    let refs: Vec<(&str, &str)> = late.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = admin.submit("/api/admin/returns/question/add", &refs).await;
    assert_eq!(r.location(), format!("/admin/returns/questions?quarter={QUARTER}&done=closed"));
    let closed = admin.get(r.location()).await.body;
    assert!(closed.contains("That question was not added"), "{closed}");
    let r =
        admin.submit("/api/admin/returns/question/remove", &[("quarter", QUARTER), ("id", &ids[0].to_string())]).await;
    assert_eq!(r.location(), format!("/admin/returns/questions?quarter={QUARTER}&done=not-removed"));
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM return_questions").await, vec![2]);

    // Amending only an answer keeps it in the history, before and after.
    let page = manager.get(&format!("/centre/returns/{QUARTER}")).await.body;
    let version = page.split(r#"name="version" value=""#).nth(1).map(|s| s[..s.find('"').unwrap()].to_owned()).unwrap();
    let mut amended: Vec<(String, String)> =
        fields.iter().filter(|(k, _)| *k != format!("f[{refuge}]")).cloned().collect();
    amended.push((format!("f[{refuge}]"), "no".into()));
    amended.push(("f[amend-reason]".into(), "The refuge family came in October, not this quarter".into()));
    amended.push(("version".into(), version));
    let location = submit_return(&mut manager, &amended).await;
    assert_eq!(location, format!("/centre/returns/{QUARTER}?done=submitted"));
    let history = manager.get(&format!("/centre/returns/{QUARTER}")).await.body;
    assert!(history.contains("Did any family come to you from a refuge?: Yes → No"), "{history}");

    // NACCC reads the answers.
    let csv = admin.get(&format!("/admin/returns/answers.csv?quarter={QUARTER}")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("centre,centre_name,quarter,question,answer"), "{}", csv.body);
    assert!(csv.body.contains("Did any family come to you from a refuge?,No"), "{}", csv.body);
    assert!(
        csv.body.contains("Which issues did families present with?,Domestic abuse; Parental conflict"),
        "{}",
        csv.body
    );
    assert_eq!(
        manager.get(&format!("/admin/returns/answers.csv?quarter={QUARTER}")).await.status,
        StatusCode::FORBIDDEN
    );
    let mut anonymous = Browser::new(app.clone());
    assert_eq!(
        anonymous.get(&format!("/admin/returns/answers.csv?quarter={QUARTER}")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let audit =
        db.raw_column::<String>("SELECT action FROM audit_log WHERE action LIKE 'return.question%' ORDER BY id").await;
    assert_eq!(audit.iter().filter(|a| *a == "return.question.add").count(), 3, "two added, one refused: {audit:?}");
}

async fn a_question_is_removed_while_the_quarter_is_open(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    let mut admin = Browser::new(b.app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let key = key_on(&admin.get("/admin/returns/questions?quarter=2027-Q1").await.body);
    let pairs = [
        ("quarter", "2027-Q1"),
        ("key", key.as_str()),
        ("f[question-text]", "How many families asked for a Welsh-speaking volunteer?"),
        ("f[question-kind]", "whole_number"),
    ];
    admin.submit("/api/admin/returns/question/add", &pairs).await;
    let id = db.raw_column::<i64>("SELECT id FROM return_questions").await[0].to_string();
    let r = admin.submit("/api/admin/returns/question/remove", &[("quarter", "2027-Q1"), ("id", &id)]).await;
    assert_eq!(r.location(), "/admin/returns/questions?quarter=2027-Q1&done=removed");
    // The same again, or another quarter's question, removes nothing.
    let key = key_on(&admin.get("/admin/returns/questions?quarter=2027-Q2").await.body);
    admin
        .submit(
            "/api/admin/returns/question/add",
            &[
                ("quarter", "2027-Q2"),
                ("key", key.as_str()),
                ("f[question-text]", "Any?"),
                ("f[question-kind]", "yes_no"),
            ],
        )
        .await;
    let other = db.raw_column::<i64>("SELECT id FROM return_questions").await[0].to_string();
    let r = admin.submit("/api/admin/returns/question/remove", &[("quarter", "2027-Q1"), ("id", &other)]).await;
    assert_eq!(r.location(), "/admin/returns/questions?quarter=2027-Q1&done=not-removed");
    let again = admin.submit("/api/admin/returns/question/remove", &[("quarter", "2027-Q1"), ("id", &id)]).await;
    assert_eq!(again.location(), "/admin/returns/questions?quarter=2027-Q1&done=not-removed");
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM return_questions").await, vec![1]);
}

async fn a_quarter_takes_at_most_twenty_questions(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    let mut admin = Browser::new(b.app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    for i in 0..=shared::returns::questions::MAX_QUESTIONS {
        let key = format!("form-{i}");
        let text = format!("Question {i}?");
        let pairs = [
            ("quarter", "2027-Q1"),
            ("key", key.as_str()),
            ("f[question-text]", text.as_str()),
            ("f[question-kind]", "yes_no"),
        ];
        let r = admin.submit("/api/admin/returns/question/add", &pairs).await;
        if i < shared::returns::questions::MAX_QUESTIONS {
            assert!(r.location().ends_with("&done=added"), "{i}: {}", r.location());
        } else {
            assert!(admin.get(r.location()).await.body.contains("A quarter can have at most 20 questions"));
        }
    }
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM return_questions").await, vec![20]);
}

/// A submission checked against the quarter's questions as they were is not written once they
/// have changed (the store's own guard, whatever the service did before it).
async fn a_return_checked_against_other_questions_is_not_written(db: &TestDb) {
    let (b, _clock) = setup(db).await;
    let mut admin = Browser::new(b.app.clone());
    sign_in(&mut admin, Role::NacccAdmin, NOW).await;
    let key = key_on(&admin.get("/admin/returns/questions").await.body);
    let pairs =
        [("quarter", QUARTER), ("key", key.as_str()), ("f[question-text]", "Any?"), ("f[question-kind]", "yes_no")];
    admin.submit("/api/admin/returns/question/add", &pairs).await;
    let centre = server::seed::demo_staff_centre().unwrap().to_string();
    let figures = shared::returns::Figures::default();
    let fields = shared::referral::Fields::new();
    let write = server::store::ReturnWrite {
        centre: centre.as_str(),
        quarter: shared::Quarter::parse(QUARTER).unwrap(),
        seen_version: None,
        state: shared::returns::ReturnState::Submitted,
        fields: &fields,
        computed: &figures,
        figures: Some(&figures),
        queries: &[],
        actor: 1,
        submitting: true,
        amendment: None,
        questions: &[],
    };
    assert!(!db.store.write_return(&write, NOW).await.unwrap(), "checked before the question was added");
    assert_eq!(db.raw_column::<i64>("SELECT COUNT(*) FROM statistics_returns").await, vec![0]);
}

on_both_backends!(
    questions_are_added_once_answered_with_the_return_and_fixed_once_one_is_submitted,
    a_question_is_removed_while_the_quarter_is_open,
    a_quarter_takes_at_most_twenty_questions,
    a_return_checked_against_other_questions_is_not_written,
);
