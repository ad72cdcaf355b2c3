//! The answers of a referral as rows of a summary list (question, answer, change link), in the
//! page's language: check your answers shows them, and so does a centre's case page (in English).

use super::send_api::CheckView;
use super::text;
use crate::messages::Locale;
use shared::referral::{AdultForm, ContactService, DraftAnswers, ReferrerKind, Step};

fn change(step: Step) -> String {
    format!("{}?change=1", step.path())
}

fn or_not_given(s: &str, l: Locale) -> String {
    if s.trim().is_empty() { l.pick("Not given", "Heb ei roi").to_owned() } else { s.trim().to_owned() }
}

fn date(d: &str, m: &str, y: &str, l: Locale) -> String {
    if [d, m, y].iter().all(|p| p.trim().is_empty()) {
        l.pick("Not given", "Heb ei roi").to_owned()
    } else {
        format!("{} / {} / {}", d.trim(), m.trim(), y.trim())
    }
}

fn ticked(pairs: &[(&str, &str)], l: Locale) -> String {
    let list: Vec<&str> = pairs.iter().filter(|(v, _)| v.trim() == "yes").map(|(_, label)| *label).collect();
    if list.is_empty() { l.pick("None", "Dim").to_owned() } else { list.join(", ") }
}

/// (question, answer, change link) for each answer on a page, in `l` (staff pages: English).
pub(crate) fn summary_rows(step: Step, view: &CheckView, l: Locale) -> Vec<(String, String, String)> {
    let a: &DraftAnswers = &view.answers;
    let link = change(step);
    let row = |q: &str, v: String| (q.to_owned(), v, link.clone());
    let not_answered = l.pick("Not answered", "Heb ei ateb");
    match step {
        Step::Who => vec![row(
            l.pick("Who is referring", "Pwy sy'n atgyfeirio"),
            ReferrerKind::from_code(&a.referrer_kind).map_or(not_answered, |k| text::referrer_kind(k, l)).to_owned(),
        )],
        Step::Referrer => vec![
            row(l.pick("Your name", "Eich enw"), or_not_given(&a.referrer.name, l)),
            row(l.pick("Organisation", "Sefydliad"), or_not_given(&a.referrer.organisation, l)),
            row(l.pick("Email", "E-bost"), or_not_given(&a.referrer.email, l)),
            row(l.pick("Phone", "Ffôn"), or_not_given(&a.referrer.phone, l)),
        ],
        Step::Service => vec![
            row(
                l.pick("Centre", "Canolfan"),
                view.centre
                    .as_ref()
                    .map_or(l.pick("Not chosen", "Heb ei dewis").to_owned(), |c| format!("{}, {}", c.name, c.town)),
            ),
            row(
                l.pick("Kind of contact", "Math o gyswllt"),
                ContactService::from_code(&a.service).map_or(not_answered, |s| text::service(s, l).0).to_owned(),
            ),
        ],
        Step::Children => a
            .children
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let n = i + 1;
                let needs = if c.needs.trim().is_empty() { String::new() } else { format!("; {}", c.needs.trim()) };
                let name = or_not_given(&c.name, l);
                let born = date(&c.dob_day, &c.dob_month, &c.dob_year, l);
                let (question, answer) = match l {
                    Locale::English => (format!("Child {n}"), format!("{name}, born {born}{needs}")),
                    Locale::Welsh => (format!("Plentyn {n}"), format!("{name}, dyddiad geni {born}{needs}")),
                };
                (question, answer, format!("/refer/children/{n}?change=1"))
            })
            .chain(a.children.is_empty().then(|| {
                (
                    l.pick("Children", "Plant").to_owned(),
                    l.pick("None added", "Dim wedi'u hychwanegu").to_owned(),
                    "/refer/children".to_owned(),
                )
            }))
            .collect(),
        Step::ResidentParent => adult_rows(&a.resident_parent, &link, l),
        Step::OtherParent => adult_rows(&a.other_parent, &link, l),
        Step::Others => vec![
            row(
                l.pick("Anyone else coming", "Unrhyw un arall yn dod"),
                text::answer(&a.others.attending, l).to_owned(),
            ),
            row(l.pick("Who", "Pwy"), or_not_given(&a.others.details, l)),
        ],
        Step::Court => {
            let c = &a.court;
            vec![
                row(l.pick("Court proceedings", "Achosion llys"), text::answer(&c.proceedings, l).to_owned()),
                row(
                    l.pick("Orders in force", "Gorchmynion mewn grym"),
                    ticked(
                        &[
                            (
                                &c.order_child_arrangements,
                                l.pick("child arrangements order", "gorchymyn trefniadau plant"),
                            ),
                            (
                                &c.order_prohibited_steps,
                                l.pick("prohibited steps order", "gorchymyn camau gwaharddedig"),
                            ),
                            (&c.order_non_molestation, l.pick("non-molestation order", "gorchymyn rhag molestu")),
                            (&c.order_occupation, l.pick("occupation order", "gorchymyn anheddu")),
                            (&c.order_bail_conditions, l.pick("bail conditions", "amodau mechnïaeth")),
                        ],
                        l,
                    ),
                ),
                row(
                    l.pick("An order says how contact can happen", "Mae gorchymyn yn dweud sut gall cyswllt ddigwydd"),
                    text::answer(&c.order_allows_contact, l).to_owned(),
                ),
                row(
                    l.pick("Social services involved", "Gwasanaethau cymdeithasol ynghlwm"),
                    text::answer(&c.social_services, l).to_owned(),
                ),
                row(l.pick("Case number", "Rhif yr achos"), or_not_given(&c.case_number, l)),
                row(l.pick("More about the case", "Rhagor am yr achos"), or_not_given(&c.details, l)),
            ]
        }
        Step::Safety => {
            let s = &a.safety;
            vec![
                row(
                    l.pick("Abuse", "Cam-drin"),
                    ticked(
                        &[
                            (&s.abuse_physical, l.pick("physical", "corfforol")),
                            (&s.abuse_psychological, l.pick("psychological", "seicolegol")),
                            (&s.abuse_emotional, l.pick("emotional", "emosiynol")),
                            (&s.abuse_sexual, l.pick("sexual", "rhywiol")),
                            (&s.abuse_financial, l.pick("financial", "ariannol")),
                            (&s.abuse_of_children, l.pick("of the children", "yn erbyn y plant")),
                        ],
                        l,
                    ),
                ),
                row(
                    l.pick("Conviction for an offence against a child", "Euogfarn am drosedd yn erbyn plentyn"),
                    text::answer(&s.child_offence_conviction, l).to_owned(),
                ),
                row(
                    l.pick(
                        "Risk of the children being taken or hidden",
                        "Risg y bydd y plant yn cael eu cymryd neu eu cuddio",
                    ),
                    text::answer(&s.abduction_risk, l).to_owned(),
                ),
                row(l.pick("Passports", "Pasbortau"), or_not_given(&s.passports, l)),
                row(
                    l.pick("Drugs or alcohol", "Cyffuriau neu alcohol"),
                    text::answer(&s.drugs_or_alcohol, l).to_owned(),
                ),
                row(l.pick("Mental health", "Iechyd meddwl"), text::answer(&s.mental_health, l).to_owned()),
                row(l.pick("Other concerns", "Pryderon eraill"), or_not_given(&s.other_details, l)),
            ]
        }
        Step::Practical => {
            let p = &a.practical;
            vec![
                row(
                    l.pick("Days", "Diwrnodau"),
                    ticked(
                        &[
                            (&p.day_mon, l.pick("Monday", "Dydd Llun")),
                            (&p.day_tue, l.pick("Tuesday", "Dydd Mawrth")),
                            (&p.day_wed, l.pick("Wednesday", "Dydd Mercher")),
                            (&p.day_thu, l.pick("Thursday", "Dydd Iau")),
                            (&p.day_fri, l.pick("Friday", "Dydd Gwener")),
                            (&p.day_sat, l.pick("Saturday", "Dydd Sadwrn")),
                            (&p.day_sun, l.pick("Sunday", "Dydd Sul")),
                        ],
                        l,
                    ),
                ),
                row(l.pick("Earliest start", "Dechrau cynharaf"), date(&p.start_day, &p.start_month, &p.start_year, l)),
                row(l.pick("Notes", "Nodiadau"), or_not_given(&p.notes, l)),
            ]
        }
        Step::Consent => vec![row(
            l.pick("Confirmed", "Wedi cadarnhau"),
            if a.consent.truth == "yes" && a.consent.sharing == "yes" {
                l.pick("Yes", "Ie")
            } else {
                l.pick("Not yet", "Ddim eto")
            }
            .to_owned(),
        )],
    }
}

/// The rows for one adult, in `l`.
pub(crate) fn adult_rows(f: &AdultForm, link: &str, l: Locale) -> Vec<(String, String, String)> {
    let row = |q: &str, v: String| (q.to_owned(), v, link.to_owned());
    let contact = match f.contact_method.trim() {
        "phone" => {
            let messages = if f.messages_ok == "yes" {
                l.pick("messages may be left", "mae'n iawn gadael negeseuon")
            } else {
                l.pick("no messages", "dim negeseuon")
            };
            format!("{}: {} ({messages})", l.pick("Phone", "Ffôn"), or_not_given(&f.phone, l))
        }
        "email" => format!("{}: {}", l.pick("Email", "E-bost"), or_not_given(&f.email, l)),
        "post" => l.pick("Post, to the address below", "Post, i'r cyfeiriad isod").to_owned(),
        _ => l.pick("Not answered", "Heb ei ateb").to_owned(),
    };
    let address: Vec<&str> = [&f.address_line_1, &f.address_line_2, &f.town, &f.postcode]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let address = if address.is_empty() {
        l.pick("Not given", "Heb ei roi").to_owned()
    } else {
        let shared = if f.share_address == "yes" {
            l.pick("may be shared with the other parent", "gellir ei rannu gyda'r rhiant arall")
        } else {
            l.pick("kept from the other parent", "heb ei rannu gyda'r rhiant arall")
        };
        format!("{} ({shared})", address.join(", "))
    };
    vec![
        row(l.pick("Name", "Enw"), or_not_given(&f.name, l)),
        row(l.pick("Date of birth", "Dyddiad geni"), date(&f.dob_day, &f.dob_month, &f.dob_year, l)),
        row(l.pick("Safe contact", "Cyswllt diogel"), contact),
        row(l.pick("Address", "Cyfeiriad"), address),
        row(
            l.pick("Parental responsibility", "Cyfrifoldeb rhiant"),
            text::answer(&f.parental_responsibility, l).to_owned(),
        ),
        row(
            l.pick("Language", "Iaith"),
            format!(
                "{}{}",
                or_not_given(&f.language, l),
                if f.interpreter == "yes" { l.pick(", needs an interpreter", ", angen cyfieithydd") } else { "" }
            ),
        ),
        row(l.pick("Access needs", "Anghenion hygyrchedd"), or_not_given(&f.access_needs, l)),
    ]
}
