//! The questions of each page, for the referral and for the other party's part alike. Inputs are
//! filled from the saved answers; their ids are the ones the shared rules name in errors.

use super::text;
use crate::components::form::{Checkboxes, DateInput, Errors, Radios, TextArea, TextInput};
use crate::messages::use_locale;
use leptos::prelude::*;
use shared::referral::{AdultForm, ConsentForm, CourtForm, OtherPeopleForm, PracticalForm, ReferrerForm, SafetyForm};

fn tick(prefix: &str, name: &'static str, label: &'static str, value: &str) -> crate::components::form::Tick {
    (format!("{prefix}-{name}"), name, label, value.trim() == "yes")
}

pub fn referrer_fields(form: ReferrerForm, errors: Errors) -> impl IntoView {
    let l = use_locale();
    view! {
        <TextInput id="referrer-name" name="name" label=l.pick("Your full name", "Eich enw llawn") value=form.name errors autocomplete="name" />
        <TextInput id="referrer-organisation" name="organisation" label=l.pick("Your organisation", "Eich sefydliad") value=form.organisation errors autocomplete="organization" />
        <TextInput id="referrer-email" name="email" label=l.pick("Your work email address", "Eich cyfeiriad e-bost gwaith") kind="email" value=form.email errors autocomplete="email"
            hint=l.pick("The centre will use this to contact you about the referral.", "Bydd y ganolfan yn defnyddio hwn i gysylltu â chi am yr atgyfeiriad.") />
        <TextInput id="referrer-phone" name="phone" label=l.pick("Your work phone number (optional)", "Eich rhif ffôn gwaith (dewisol)") kind="tel" value=form.phone errors autocomplete="tel" class="input input--width-20" />
    }
}

/// An adult's part. `prefix` names the inputs (`resident`, `other`, `parent`).
pub fn adult_fields(prefix: &'static str, form: AdultForm, errors: Errors) -> impl IntoView {
    let l = use_locale();
    let id = move |f: &str| format!("{prefix}-{f}");
    view! {
        <TextInput id=id("name") name="name" label=l.pick("Full name", "Enw llawn") value=form.name errors />
        <DateInput id=id("dob") names=["dob_day", "dob_month", "dob_year"] legend=l.pick("Date of birth", "Dyddiad geni")
            hint=l.pick("For example, 27 3 1990", "Er enghraifft, 27 3 1990") values=[form.dob_day, form.dob_month, form.dob_year] errors />
        <Radios id=id("contact_method") name="contact_method" legend=l.pick("How can the centre contact them safely?", "Sut gall y ganolfan gysylltu â nhw'n ddiogel?")
            hint=l.pick(
                "Choose the way that is safe. The other parent will not be given these details.",
                "Dewiswch y ffordd sy'n ddiogel. Fydd y rhiant arall ddim yn cael y manylion hyn.",
            )
            options=vec![
                ("phone", l.pick("By phone", "Dros y ffôn")),
                ("email", l.pick("By email", "Drwy e-bost")),
                ("post", l.pick("By post", "Drwy'r post")),
            ]
            value=form.contact_method errors />
        <TextInput id=id("phone") name="phone" label=l.pick("Phone number (if by phone)", "Rhif ffôn (os dros y ffôn)") kind="tel" value=form.phone errors class="input input--width-20" />
        <Radios id=id("messages_ok") name="messages_ok"
            legend=l.pick("Can the centre leave a message on this phone? (if by phone)", "Ydy hi'n iawn i'r ganolfan adael neges ar y ffôn hwn? (os dros y ffôn)")
            options=text::yes_no(l).to_vec() value=form.messages_ok errors inline=true />
        <TextInput id=id("email") name="email" label=l.pick("Email address (if by email)", "Cyfeiriad e-bost (os drwy e-bost)") kind="email" value=form.email errors />
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{l.pick("Address (optional unless by post)", "Cyfeiriad (dewisol, oni bai drwy'r post)")}</legend>
            <TextInput id=id("address_line_1") name="address_line_1" label=l.pick("Address line 1", "Llinell 1 y cyfeiriad") value=form.address_line_1 errors />
            <TextInput id=id("address_line_2") name="address_line_2" label=l.pick("Address line 2 (optional)", "Llinell 2 y cyfeiriad (dewisol)") value=form.address_line_2 errors />
            <TextInput id=id("town") name="town" label=l.pick("Town or city", "Tref neu ddinas") value=form.town errors class="input input--width-20" />
            <TextInput id=id("postcode") name="postcode" label=l.pick("Postcode", "Cod post") value=form.postcode errors class="input input--width-10" />
        </fieldset>
        <Checkboxes id=id("share_address") legend=l.pick("Sharing the address", "Rhannu'r cyfeiriad")
            hint=l.pick(
                "Unless this is ticked, the address is kept from the other parent.",
                "Os nad ydych chi'n ticio hwn, fydd y rhiant arall ddim yn cael gwybod y cyfeiriad.",
            )
            items=vec![tick(
                prefix,
                "share_address",
                l.pick("The other parent may be told this address", "Caiff y rhiant arall wybod y cyfeiriad hwn"),
                &form.share_address,
            )]
            errors />
        <Radios id=id("parental_responsibility") name="parental_responsibility"
            legend=l.pick("Do they have parental responsibility for the children?", "Oes ganddyn nhw gyfrifoldeb rhiant dros y plant?")
            options=text::yes_no_unsure(l).to_vec() value=form.parental_responsibility errors />
        <TextInput id=id("language") name="language" label=l.pick("Language they prefer (optional)", "Yr iaith sy'n well ganddyn nhw (dewisol)") value=form.language errors class="input input--width-20" />
        <Checkboxes id=id("interpreter") legend=l.pick("Interpreter", "Cyfieithydd")
            items=vec![tick(prefix, "interpreter", l.pick("They need an interpreter", "Mae angen cyfieithydd arnyn nhw"), &form.interpreter)] errors />
        <TextArea id=id("access_needs") name="access_needs" label=l.pick("Disability or access needs (optional)", "Anabledd neu anghenion hygyrchedd (dewisol)")
            hint=l.pick(
                "For example, step-free access, a hearing loop, or needing information read aloud.",
                "Er enghraifft, mynediad heb risiau, dolen sain, neu angen i rywun ddarllen gwybodaeth yn uchel.",
            )
            value=form.access_needs errors />
    }
}

pub fn others_fields(form: OtherPeopleForm, errors: Errors) -> impl IntoView {
    let l = use_locale();
    view! {
        <Radios id="others-attending" name="attending"
            legend=l.pick("Will anyone else come to the centre with the children?", "Fydd unrhyw un arall yn dod i'r ganolfan gyda'r plant?")
            hint=l.pick("For example, a grandparent or a new partner.", "Er enghraifft, nain neu daid (mam-gu neu dad-cu), neu bartner newydd.")
            options=text::yes_no(l).to_vec() value=form.attending errors inline=true />
        <TextArea id="others-details" name="details"
            label=l.pick("Who, and how they know the children (if anyone)", "Pwy, a sut maen nhw'n adnabod y plant (os oes rhywun)")
            value=form.details errors />
    }
}

pub fn court_fields(form: CourtForm, errors: Errors) -> impl IntoView {
    let l = use_locale();
    let orders = vec![
        tick(
            "court",
            "order_child_arrangements",
            l.pick("Child arrangements order", "Gorchymyn trefniadau plant"),
            &form.order_child_arrangements,
        ),
        tick(
            "court",
            "order_prohibited_steps",
            l.pick("Prohibited steps order", "Gorchymyn camau gwaharddedig"),
            &form.order_prohibited_steps,
        ),
        tick(
            "court",
            "order_non_molestation",
            l.pick("Non-molestation order", "Gorchymyn rhag molestu"),
            &form.order_non_molestation,
        ),
        tick("court", "order_occupation", l.pick("Occupation order", "Gorchymyn anheddu"), &form.order_occupation),
        tick(
            "court",
            "order_bail_conditions",
            l.pick("Bail conditions", "Amodau mechnïaeth"),
            &form.order_bail_conditions,
        ),
    ];
    view! {
        <Radios id="court-proceedings" name="proceedings"
            legend=l.pick(
                "Are there, or have there been, court proceedings about the children?",
                "Oes achos llys am y plant nawr, neu a fu un yn y gorffennol?",
            )
            options=text::yes_no_unsure(l).to_vec() value=form.proceedings errors />
        <Checkboxes id="court-order_child_arrangements"
            legend=l.pick(
                "Which orders or conditions are in force? (tick any that apply)",
                "Pa orchmynion neu amodau sydd mewn grym? (ticiwch unrhyw rai sy'n berthnasol)",
            )
            items=orders errors />
        <Radios id="court-order_allows_contact" name="order_allows_contact"
            legend=l.pick(
                "If there is a non-molestation or occupation order: does a court order say how contact can happen?",
                "Os oes gorchymyn rhag molestu neu orchymyn anheddu: ydy gorchymyn llys yn dweud sut gall cyswllt ddigwydd?",
            )
            options=text::yes_no(l).to_vec() value=form.order_allows_contact errors inline=true />
        <Radios id="court-social_services" name="social_services"
            legend=l.pick(
                "Are children's social services involved with the family?",
                "Ydy gwasanaethau cymdeithasol plant yn gweithio gyda'r teulu?",
            )
            options=text::yes_no_unsure(l).to_vec() value=form.social_services errors />
        <TextInput id="court-case_number" name="case_number" label=l.pick("Court case number (optional)", "Rhif yr achos llys (dewisol)")
            value=form.case_number errors class="input input--width-20" />
        <TextArea id="court-details" name="details"
            label=l.pick("Anything else about the court case (optional)", "Unrhyw beth arall am yr achos llys (dewisol)")
            value=form.details errors />
    }
}

pub fn safety_fields(form: SafetyForm, errors: Errors) -> impl IntoView {
    let l = use_locale();
    let abuse = vec![
        tick("safety", "abuse_physical", l.pick("Physical abuse", "Cam-drin corfforol"), &form.abuse_physical),
        tick(
            "safety",
            "abuse_psychological",
            l.pick("Psychological abuse", "Cam-drin seicolegol"),
            &form.abuse_psychological,
        ),
        tick("safety", "abuse_emotional", l.pick("Emotional abuse", "Cam-drin emosiynol"), &form.abuse_emotional),
        tick("safety", "abuse_sexual", l.pick("Sexual abuse", "Cam-drin rhywiol"), &form.abuse_sexual),
        tick("safety", "abuse_financial", l.pick("Financial abuse", "Cam-drin ariannol"), &form.abuse_financial),
        tick(
            "safety",
            "abuse_of_children",
            l.pick("Abuse of the children", "Cam-drin y plant"),
            &form.abuse_of_children,
        ),
        tick("safety", "abuse_none", l.pick("None of these", "Dim un o'r rhain"), &form.abuse_none),
    ];
    view! {
        <p class="body">
            {l.pick(
                "These questions help the centre keep everyone safe. Your answers are only seen by the centre's trained staff, never by the other parent.",
                "Mae'r cwestiynau hyn yn helpu'r ganolfan i gadw pawb yn ddiogel. Dim ond staff hyfforddedig y ganolfan sy'n gweld eich atebion. Fydd y rhiant arall byth yn eu gweld.",
            )}
        </p>
        <Checkboxes id="safety-abuse_physical"
            legend=l.pick(
                "Has there been any of these between the adults, or towards the children?",
                "Oes unrhyw un o'r rhain wedi digwydd rhwng yr oedolion, neu tuag at y plant?",
            )
            hint=l.pick("Tick all that apply, or 'None of these'.", "Ticiwch bob un sy'n berthnasol, neu 'Dim un o'r rhain'.")
            items=abuse errors />
        <Radios id="safety-child_offence_conviction" name="child_offence_conviction"
            legend=l.pick(
                "Has either adult been convicted of an offence against a child?",
                "Ydy un o'r oedolion wedi'i gael yn euog o drosedd yn erbyn plentyn?",
            )
            options=text::yes_no_unsure(l).to_vec() value=form.child_offence_conviction errors />
        <Radios id="safety-abduction_risk" name="abduction_risk"
            legend=l.pick(
                "Is there a risk the children could be taken out of the country or hidden?",
                "Oes risg y gallai rhywun fynd â'r plant allan o'r wlad neu eu cuddio?",
            )
            options=text::yes_no_unsure(l).to_vec() value=form.abduction_risk errors />
        <TextArea id="safety-passports" name="passports"
            label=l.pick("Who holds the children's passports? (optional)", "Pwy sy'n cadw pasbortau'r plant? (dewisol)")
            value=form.passports errors />
        <Radios id="safety-drugs_or_alcohol" name="drugs_or_alcohol"
            legend=l.pick("Is drug or alcohol use a concern?", "Oes pryder am ddefnyddio cyffuriau neu alcohol?")
            options=text::yes_no_unsure(l).to_vec() value=form.drugs_or_alcohol errors />
        <Radios id="safety-mental_health" name="mental_health"
            legend=l.pick(
                "Is anyone's mental health a concern for the children's safety?",
                "Oes pryder am iechyd meddwl unrhyw un, o ran diogelwch y plant?",
            )
            options=text::yes_no_unsure(l).to_vec() value=form.mental_health errors />
        <Radios id="safety-other_concerns" name="other_concerns"
            legend=l.pick(
                "Do you have any other concerns about the children's safety?",
                "Oes gennych chi unrhyw bryderon eraill am ddiogelwch y plant?",
            )
            options=text::yes_no(l).to_vec() value=form.other_concerns errors inline=true />
        <TextArea id="safety-other_details" name="other_details"
            label=l.pick("Your other concerns (if any)", "Eich pryderon eraill (os oes rhai)")
            value=form.other_details errors />
    }
}

pub fn practical_fields(form: PracticalForm, errors: Errors) -> impl IntoView {
    let l = use_locale();
    let days = vec![
        tick("practical", "day_mon", l.pick("Monday", "Dydd Llun"), &form.day_mon),
        tick("practical", "day_tue", l.pick("Tuesday", "Dydd Mawrth"), &form.day_tue),
        tick("practical", "day_wed", l.pick("Wednesday", "Dydd Mercher"), &form.day_wed),
        tick("practical", "day_thu", l.pick("Thursday", "Dydd Iau"), &form.day_thu),
        tick("practical", "day_fri", l.pick("Friday", "Dydd Gwener"), &form.day_fri),
        tick("practical", "day_sat", l.pick("Saturday", "Dydd Sadwrn"), &form.day_sat),
        tick("practical", "day_sun", l.pick("Sunday", "Dydd Sul"), &form.day_sun),
    ];
    view! {
        <Checkboxes id="practical-day_mon" legend=l.pick("Which days could the children come?", "Ar ba ddiwrnodau gallai'r plant ddod?")
            hint=l.pick("Tick all that could work.", "Ticiwch bob un a allai weithio.")
            items=days errors />
        <DateInput id="practical-start" names=["start_day", "start_month", "start_year"]
            legend=l.pick("The earliest date you could start (optional)", "Y dyddiad cynharaf y gallech chi ddechrau (dewisol)")
            hint=l.pick("For example, 9 1 2027", "Er enghraifft, 9 1 2027") values=[form.start_day, form.start_month, form.start_year] errors />
        <TextArea id="practical-notes" name="notes"
            label=l.pick(
                "Times that suit, travel, school: anything the centre should know (optional)",
                "Amseroedd sy'n gyfleus, teithio, ysgol: unrhyw beth y dylai'r ganolfan ei wybod (dewisol)",
            )
            value=form.notes errors />
    }
}

pub fn consent_fields(form: ConsentForm, errors: Errors) -> impl IntoView {
    let l = use_locale();
    view! {
        <Checkboxes id="consent-truth" legend=l.pick("Confirm what you have told us", "Cadarnhewch yr hyn rydych chi wedi'i ddweud wrthym")
            items=vec![tick(
                "consent",
                "truth",
                l.pick("What I have told you is true, as far as I know", "Mae'r hyn rydw i wedi'i ddweud wrthych chi yn wir, hyd y gwn i"),
                &form.truth,
            )]
            errors />
        <Checkboxes id="consent-sharing" legend=l.pick("How the centre uses it", "Sut mae'r ganolfan yn defnyddio'r wybodaeth")
            hint=l.pick(
                "The centre keeps it safe and shares it only as the law allows, never with the other parent.",
                "Mae'r ganolfan yn cadw'r wybodaeth yn ddiogel. Dim ond fel mae'r gyfraith yn caniatáu y bydd yn ei rhannu, a byth gyda'r rhiant arall.",
            )
            items=vec![tick(
                "consent",
                "sharing",
                l.pick(
                    "The centre may use this information to arrange contact for the children",
                    "Caiff y ganolfan ddefnyddio'r wybodaeth hon i drefnu cyswllt i'r plant",
                ),
                &form.sharing,
            )]
            errors />
    }
}
