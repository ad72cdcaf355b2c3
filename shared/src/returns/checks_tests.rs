use super::*;
use crate::ReferralSource as S;

const SUP: Service = Service::Supported;
const SUPV: Service = Service::Supervised;

fn key(service: Service, measure: Measure) -> FigureKey {
    FigureKey::new(service, measure)
}

/// A consistent return for `services`: 20 referrals (12 online, 8 self), 30 children in 18
/// families, 40 of 100 sessions booked, 1 no-show.
fn good(services: &[Service]) -> Fields {
    let mut fields = Fields::new();
    for &s in services {
        for measure in Measure::all() {
            let n = match measure {
                Measure::Referrals => 20,
                Measure::Source(S::Online) => 12,
                Measure::Source(S::SelfReferral) => 8,
                Measure::Source(_) => 0,
                Measure::Accepted => 15,
                Measure::Rejected => 2,
                Measure::NoShow => 1,
                Measure::Children => 30,
                Measure::Families => 18,
                Measure::Volunteers => 9,
                Measure::PaidStaff => 2,
                Measure::SessionsAvailable => 100,
                Measure::SessionsBooked => 40,
            };
            fields.insert(key(s, measure).code(), n.to_string());
        }
    }
    fields
}

fn context(services: &[Service]) -> CheckContext {
    CheckContext { services: services.to_vec(), ..CheckContext::default() }
}

fn set(fields: &mut Fields, k: FigureKey, value: &str) {
    fields.insert(k.code(), value.to_owned());
}

#[test]
fn a_consistent_return_passes() {
    let checked = check(&good(&[SUP, SUPV]), &context(&[SUP, SUPV]));
    assert_eq!(checked.errors, vec![]);
    assert_eq!(checked.queries, vec![]);
    let figures = checked.figures.unwrap();
    assert_eq!(figures.total(Measure::Referrals), 40);
    assert_eq!(figures.of(SUPV, Measure::SessionsBooked), 40);
}

#[test]
fn every_figure_must_be_a_whole_number() {
    let mut fields = good(&[SUP]);
    set(&mut fields, key(SUP, Measure::Children), "3.5");
    set(&mut fields, key(SUP, Measure::Volunteers), "-2");
    fields.remove(&key(SUP, Measure::PaidStaff).code());
    let checked = check(&fields, &context(&[SUP]));
    assert_eq!(checked.figures, None);
    assert_eq!(
        checked.errors,
        vec![
            ReturnProblem::Figure(key(SUP, Measure::Children), FigureError::NotWholeNumber),
            ReturnProblem::Figure(key(SUP, Measure::Volunteers), FigureError::Negative),
            ReturnProblem::Figure(key(SUP, Measure::PaidStaff), FigureError::Missing),
        ]
    );
    let shown = checked.field_errors();
    assert_eq!(shown[0].field, "supported-children");
    assert_eq!(shown[0].message, "Supported contact, children seen: enter a whole number, like 12");
}

#[test]
fn sources_must_add_up_to_the_total() {
    let mut fields = good(&[SUP, SUPV]);
    set(&mut fields, key(SUPV, Measure::Source(S::Solicitor)), "3");
    let checked = check(&fields, &context(&[SUP, SUPV]));
    assert_eq!(checked.errors, vec![ReturnProblem::SourcesNotTotal { service: SUPV, sources: 23, total: 20 }]);
    let shown = checked.field_errors();
    assert_eq!(shown[0].field, "supervised-referrals");
    assert_eq!(
        shown[0].message,
        "Supervised contact: the referrals from each source add up to 23, but referrals received is 20"
    );
}

#[test]
fn booked_cannot_exceed_available_nor_families_children() {
    let mut fields = good(&[SUP]);
    set(&mut fields, key(SUP, Measure::SessionsBooked), "101");
    set(&mut fields, key(SUP, Measure::Families), "31");
    let errors = check(&fields, &context(&[SUP])).errors;
    assert_eq!(errors, vec![ReturnProblem::BookedAboveAvailable(SUP), ReturnProblem::FamiliesAboveChildren(SUP)]);
    // Equal is fine.
    set(&mut fields, key(SUP, Measure::SessionsBooked), "100");
    set(&mut fields, key(SUP, Measure::Families), "30");
    assert_eq!(check(&fields, &context(&[SUP])).errors, vec![]);
}

#[test]
fn a_corrected_computed_figure_needs_a_reason() {
    let fields = good(&[SUP]);
    let mut ctx = context(&[SUP]);
    ctx.computed.0.insert(key(SUP, Measure::Source(S::Online)), 11);
    // A figure the system does not compute is never a "correction".
    ctx.computed.0.insert(key(SUP, Measure::Volunteers), 3);
    let errors = check(&fields, &ctx).errors;
    assert_eq!(
        errors,
        vec![ReturnProblem::CorrectionUnexplained { key: key(SUP, Measure::Source(S::Online)), computed: 11 }]
    );
    assert_eq!(errors[0].field(), "why-supported-source-online");
    let mut fields = fields;
    fields.insert("why-supported-source-online".into(), "One referral came by phone first".into());
    assert_eq!(check(&fields, &ctx).errors, vec![]);
    // Only blank text is no reason.
    fields.insert("why-supported-source-online".into(), "   ".into());
    assert_eq!(check(&fields, &ctx).errors.len(), 1);
}

#[test]
fn a_figure_far_from_last_quarter_is_a_query_needing_an_explanation() {
    let mut ctx = context(&[SUP]);
    let previous = check(&good(&[SUP]), &ctx).figures.unwrap();
    ctx.previous = Some(previous);
    let mut fields = good(&[SUP]);
    // 30 children → 46: 53% more and 16 more: queried.
    set(&mut fields, key(SUP, Measure::Children), "46");
    let checked = check(&fields, &ctx);
    let query = Query::FarFromLastQuarter { key: key(SUP, Measure::Children), previous: 30, now: 46 };
    assert_eq!(checked.queries, vec![query]);
    assert_eq!(checked.errors, vec![ReturnProblem::QueryUnexplained(query)]);
    assert_eq!(
        checked.field_errors()[0].message,
        "Explain this figure. Supported contact: children seen is 46, far from last quarter's 30"
    );
    fields.insert("why-supported-children".into(), "A new family centre opened nearby".into());
    let checked = check(&fields, &ctx);
    assert_eq!(checked.errors, vec![]);
    assert_eq!(checked.queries, vec![query], "the query is kept, with its explanation, for NACCC");
}

#[test]
fn small_or_moderate_changes_are_not_queried() {
    // 50% exactly is not "more than 50%"; a change under 10 is never queried.
    assert!(!far_apart(20, 30));
    assert!(far_apart(20, 31));
    assert!(!far_apart(2, 9));
    assert!(far_apart(0, 10));
    assert!(!far_apart(0, 9));
    assert!(far_apart(40, 19));
    assert!(!far_apart(40, 20));
}

#[test]
fn a_high_no_show_rate_is_queried() {
    let mut fields = good(&[SUP]);
    // 5 of 20 referrals: 25%, above 20%.
    set(&mut fields, key(SUP, Measure::NoShow), "5");
    let checked = check(&fields, &context(&[SUP]));
    assert_eq!(checked.queries, vec![Query::HighNoShowRate { key: key(SUP, Measure::NoShow), percent: 25 }]);
    // 4 of 20 is exactly 20%: not above.
    set(&mut fields, key(SUP, Measure::NoShow), "4");
    assert_eq!(check(&fields, &context(&[SUP])).queries, vec![]);
}

#[test]
fn no_shows_with_no_referrals_are_queried_without_dividing_by_zero() {
    let figures = Figures([(key(SUP, Measure::NoShow), 2)].into_iter().collect());
    assert_eq!(
        queries(&figures, &context(&[SUP])),
        vec![Query::HighNoShowRate { key: key(SUP, Measure::NoShow), percent: 100 }]
    );
}

#[test]
fn notes_are_limited_in_length() {
    let mut fields = good(&[SUP]);
    fields.insert("why-supported-children".into(), "x".repeat(MAX_NOTE + 1));
    let errors = check(&fields, &context(&[SUP])).errors;
    assert_eq!(errors, vec![ReturnProblem::NoteTooLong(key(SUP, Measure::Children))]);
    assert_eq!(errors[0].field(), "why-supported-children");
}

#[test]
fn only_the_centres_services_are_asked_for() {
    // A supported-only centre's return has no supervised figures, and needs none.
    let checked = check(&good(&[SUP]), &context(&[SUP]));
    assert_eq!(checked.errors, vec![]);
    assert_eq!(checked.figures.unwrap().services(), vec![SUP]);
}

#[test]
fn naccc_questions_for_the_quarter_are_checked_with_the_figures() {
    use crate::returns::questions::{ExtraQuestion, QuestionKind};
    let mut context = context(&[Service::Supported]);
    context.questions = vec![ExtraQuestion {
        id: 3,
        text: "Did any family come from a refuge?".into(),
        hint: String::new(),
        kind: QuestionKind::YesNo,
        choices: vec![],
        required: true,
    }];
    let checked = check(&Fields::new(), &context);
    let answer = checked.errors.iter().find(|e| e.field() == "q-3").expect("the unanswered question");
    assert_eq!(answer.message(), "Did any family come from a refuge?: answer this question");
}
