//! Golden tests of the JSON that is stored: a case's state (`referrals.case_state`) and the sealed
//! answers of a referral's two parts (`DraftAnswers` in `referrals.answers`, `JoinAnswers` in
//! `referral_invitations.answers`). Round trips alone stay green when a variant or field is
//! renamed, yet every stored row would then fail to open (or, with `serde(default)`, silently lose
//! that answer). Here a fixed value must serialise to exactly the committed text, and that text
//! must parse back to it.
//!
//! If one of these fails, stored rows no longer match the code: keep the old names (serde
//! `rename`/`alias`) or migrate the stored data; do not just regenerate the fixture.

use shared::IsoDate;
use shared::referral::adult::AdultForm;
use shared::referral::case::{Attendance, CaseState, CloseOutcome, Contact, DeclineReason, Session, Stage};
use shared::referral::{
    ChildForm, ConsentForm, CourtForm, DraftAnswers, JoinAnswers, OtherPeopleForm, PracticalForm, ReferrerForm,
    SafetyForm,
};
use std::collections::BTreeSet;

const CASE_STATES: &str = include_str!("stored_form/case_states.json");
const DRAFT_ANSWERS: &str = include_str!("stored_form/draft_answers.json");
const DRAFT_ANSWERS_BEFORE_CHILD_IDS: &str = include_str!("stored_form/draft_answers_before_child_ids.json");
const JOIN_ANSWERS: &str = include_str!("stored_form/join_answers.json");

/// The fixture without the whitespace between tokens: the compact form the server stores
/// (`serde_json::to_string` / `to_vec`). The fixtures are pretty-printed only to be readable.
fn compact(pretty: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in pretty.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// `value` is stored as exactly `fixture`, and `fixture` opens as exactly `value`.
fn assert_stored_form<T>(value: &T, fixture: &str)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let stored = serde_json::to_string(value).unwrap();
    assert_eq!(
        stored,
        compact(fixture),
        "the stored form changed; now (pretty):\n{}",
        serde_json::to_string_pretty(value).unwrap()
    );
    assert_eq!(&serde_json::from_str::<T>(fixture).unwrap(), value, "the committed form no longer opens as it was");
}

/// Every text in `json` is present and different from every other, so a renamed field cannot
/// default silently and two swapped fields cannot go unnoticed; numbers (the children's ids and
/// count) must not be 0, their default.
fn assert_fully_populated(json: &serde_json::Value) {
    fn texts<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Number(n) => assert_ne!(n.as_u64(), Some(0), "a number left at its default"),
            serde_json::Value::Array(items) => {
                assert!(!items.is_empty(), "an empty list pins nothing");
                items.iter().for_each(|i| texts(i, out));
            }
            serde_json::Value::Object(fields) => fields.values().for_each(|f| texts(f, out)),
            other => panic!("answers are all text: {other}"),
        }
    }
    let mut all = Vec::new();
    texts(json, &mut all);
    assert!(all.iter().all(|t| !t.is_empty()), "every answer filled in");
    let distinct: BTreeSet<&str> = all.iter().copied().collect();
    assert_eq!(distinct.len(), all.len(), "every answer different");
}

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

fn contact() -> Contact {
    Contact {
        referrer_visit: d("2026-12-01"),
        other_party_visit: d("2026-12-02"),
        first_session: d("2026-12-05"),
        sessions: vec![
            Session { date: d("2026-12-05"), attendance: Attendance::Attended },
            Session { date: d("2026-12-12"), attendance: Attendance::NoShow },
            Session { date: d("2026-12-19"), attendance: Attendance::Cancelled },
        ],
        reviews_held: 1,
    }
}

/// Every stage, every decline reason and close outcome, a contact with every attendance.
fn case_states() -> Vec<CaseState> {
    let mut states = vec![
        CaseState::Submitted,
        CaseState::AwaitingOtherParty,
        CaseState::Screening,
        CaseState::Accepted,
        CaseState::WaitingList,
        CaseState::PreVisits { referrer: Some(d("2026-12-01")), other_party: None },
        CaseState::PreVisits { referrer: Some(d("2026-12-01")), other_party: Some(d("2026-12-02")) },
        CaseState::Active(contact()),
        CaseState::Review(contact()),
    ];
    states.extend(DeclineReason::ALL_CODED.iter().map(|r| CaseState::Declined(*r)));
    states.push(CaseState::Redirected);
    states.extend(CloseOutcome::ALL_CODED.iter().map(|outcome| CaseState::Closed {
        outcome: *outcome,
        contact: (*outcome == CloseOutcome::MovedOn).then(contact),
    }));
    states
}

#[test]
fn case_states_are_stored_as_committed() {
    let states = case_states();
    let stages: BTreeSet<&str> = states.iter().map(|s| s.stage().code()).collect();
    assert_eq!(stages.len(), Stage::ALL.len(), "every stage is pinned");
    assert_stored_form(&states, CASE_STATES);
}

#[test]
fn a_new_case_is_stored_as_the_submission_sql_writes_it() {
    // `store/submissions.rs` writes a sent referral's state as this literal in SQL.
    assert_eq!(serde_json::to_string(&CaseState::Submitted).unwrap(), r#""Submitted""#);
}

fn adult(who: &str) -> AdultForm {
    let t = |field: &str| format!("{who}.{field}");
    AdultForm {
        name: t("name"),
        dob_day: t("dob_day"),
        dob_month: t("dob_month"),
        dob_year: t("dob_year"),
        contact_method: t("contact_method"),
        phone: t("phone"),
        email: t("email"),
        messages_ok: t("messages_ok"),
        address_line_1: t("address_line_1"),
        address_line_2: t("address_line_2"),
        town: t("town"),
        postcode: t("postcode"),
        share_address: t("share_address"),
        parental_responsibility: t("parental_responsibility"),
        language: t("language"),
        interpreter: t("interpreter"),
        access_needs: t("access_needs"),
    }
}

fn referrer(part: &str) -> ReferrerForm {
    let t = |field: &str| format!("{part}.referrer.{field}");
    ReferrerForm { name: t("name"), organisation: t("organisation"), email: t("email"), phone: t("phone") }
}

fn court(part: &str) -> CourtForm {
    let t = |field: &str| format!("{part}.court.{field}");
    CourtForm {
        proceedings: t("proceedings"),
        order_child_arrangements: t("order_child_arrangements"),
        order_prohibited_steps: t("order_prohibited_steps"),
        order_non_molestation: t("order_non_molestation"),
        order_occupation: t("order_occupation"),
        order_bail_conditions: t("order_bail_conditions"),
        order_allows_contact: t("order_allows_contact"),
        social_services: t("social_services"),
        case_number: t("case_number"),
        details: t("details"),
    }
}

fn safety(part: &str) -> SafetyForm {
    let t = |field: &str| format!("{part}.safety.{field}");
    SafetyForm {
        abuse_physical: t("abuse_physical"),
        abuse_psychological: t("abuse_psychological"),
        abuse_emotional: t("abuse_emotional"),
        abuse_sexual: t("abuse_sexual"),
        abuse_financial: t("abuse_financial"),
        abuse_of_children: t("abuse_of_children"),
        abuse_none: t("abuse_none"),
        child_offence_conviction: t("child_offence_conviction"),
        abduction_risk: t("abduction_risk"),
        passports: t("passports"),
        drugs_or_alcohol: t("drugs_or_alcohol"),
        mental_health: t("mental_health"),
        other_concerns: t("other_concerns"),
        // What people type can hold anything: quotes, backslashes, new lines, accents, emoji.
        other_details: format!("{part}: \"quoted\", back\\slash,\nnew line, tab\t, café, 👋"),
    }
}

fn practical(part: &str) -> PracticalForm {
    let t = |field: &str| format!("{part}.practical.{field}");
    PracticalForm {
        day_mon: t("day_mon"),
        day_tue: t("day_tue"),
        day_wed: t("day_wed"),
        day_thu: t("day_thu"),
        day_fri: t("day_fri"),
        day_sat: t("day_sat"),
        day_sun: t("day_sun"),
        start_day: t("start_day"),
        start_month: t("start_month"),
        start_year: t("start_year"),
        notes: t("notes"),
    }
}

fn consent(part: &str) -> ConsentForm {
    ConsentForm { truth: format!("{part}.consent.truth"), sharing: format!("{part}.consent.sharing") }
}

fn child(n: u8) -> ChildForm {
    let t = |field: &str| format!("child{n}.{field}");
    ChildForm {
        name: t("name"),
        dob_day: t("dob_day"),
        dob_month: t("dob_month"),
        dob_year: t("dob_year"),
        needs: t("needs"),
        id: u32::from(n),
    }
}

/// A first part with every field set (no `..Default::default()`: a new field must be added here).
fn draft_answers() -> DraftAnswers {
    DraftAnswers {
        referrer_kind: "draft.referrer_kind".into(),
        centre: "draft.centre".into(),
        service: "draft.service".into(),
        children: vec![child(1), child(2)],
        children_added: 3,
        resident_parent: adult("resident_parent"),
        other_parent: adult("other_parent"),
        referrer: referrer("draft"),
        others: OtherPeopleForm { attending: "draft.others.attending".into(), details: "draft.others.details".into() },
        court: court("draft"),
        safety: safety("draft"),
        practical: practical("draft"),
        consent: consent("draft"),
        language: "draft.language".into(),
    }
}

fn join_answers() -> JoinAnswers {
    JoinAnswers {
        joiner: "join.joiner".into(),
        referrer: referrer("join"),
        parent: adult("join.parent"),
        court: court("join"),
        safety: safety("join"),
        practical: practical("join"),
        consent: consent("join"),
    }
}

#[test]
fn a_referrals_sealed_answers_are_stored_as_committed() {
    let answers = draft_answers();
    assert_fully_populated(&serde_json::to_value(&answers).unwrap());
    assert_stored_form(&answers, DRAFT_ANSWERS);
}

/// Drafts saved before children had ids still open, and get the same ids each time.
#[test]
fn drafts_from_before_child_ids_still_open() {
    let old: DraftAnswers = serde_json::from_str(DRAFT_ANSWERS_BEFORE_CHILD_IDS).unwrap();
    let mut expected = draft_answers();
    // Sent before the language was kept, too: English.
    expected.language = String::new();
    expected.children_added = 0;
    for child in &mut expected.children {
        child.id = 0;
    }
    assert_eq!(old, expected);
    let mut named = old.clone();
    named.name_children();
    assert_eq!(named.children.iter().map(|c| c.id).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn the_other_partys_sealed_answers_are_stored_as_committed() {
    let answers = join_answers();
    assert_fully_populated(&serde_json::to_value(&answers).unwrap());
    assert_stored_form(&answers, JOIN_ANSWERS);
}

#[test]
fn the_compact_form_ignores_only_whitespace_between_tokens() {
    assert_eq!(compact("{\n  \"a b\": [1, \"c\\\" d\"]\n}"), r#"{"a b":[1,"c\" d"]}"#);
}
