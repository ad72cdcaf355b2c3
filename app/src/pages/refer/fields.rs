//! The questions of each page, for the referral and for the other party's part alike. Inputs are
//! filled from the saved answers; their ids are the ones the shared rules name in errors.

use super::text::{YES_NO, YES_NO_UNSURE};
use crate::components::form::{Checkboxes, DateInput, Errors, Radios, TextArea, TextInput};
use leptos::prelude::*;
use shared::referral::{AdultForm, ConsentForm, CourtForm, OtherPeopleForm, PracticalForm, ReferrerForm, SafetyForm};

fn tick(prefix: &str, name: &'static str, label: &'static str, value: &str) -> crate::components::form::Tick {
    (format!("{prefix}-{name}"), name, label, value.trim() == "yes")
}

pub fn referrer_fields(form: ReferrerForm, errors: Errors) -> impl IntoView {
    view! {
        <TextInput id="referrer-name" name="name" label="Your full name" value=form.name errors autocomplete="name" />
        <TextInput id="referrer-organisation" name="organisation" label="Your organisation" value=form.organisation errors autocomplete="organization" />
        <TextInput id="referrer-email" name="email" label="Your work email address" kind="email" value=form.email errors autocomplete="email"
            hint="The centre will use this to contact you about the referral." />
        <TextInput id="referrer-phone" name="phone" label="Your work phone number (optional)" kind="tel" value=form.phone errors autocomplete="tel" class="input input--width-20" />
    }
}

/// An adult's part. `prefix` names the inputs (`resident`, `other`, `parent`).
pub fn adult_fields(prefix: &'static str, form: AdultForm, errors: Errors) -> impl IntoView {
    let id = move |f: &str| format!("{prefix}-{f}");
    view! {
        <TextInput id=id("name") name="name" label="Full name" value=form.name errors />
        <DateInput id=id("dob") names=["dob_day", "dob_month", "dob_year"] legend="Date of birth"
            hint="For example, 27 3 1990" values=[form.dob_day, form.dob_month, form.dob_year] errors />
        <Radios id=id("contact_method") name="contact_method" legend="How can the centre contact them safely?"
            hint="Choose the way that is safe. The other parent will not be given these details."
            options=vec![("phone", "By phone"), ("email", "By email"), ("post", "By post")] value=form.contact_method errors />
        <TextInput id=id("phone") name="phone" label="Phone number (if by phone)" kind="tel" value=form.phone errors class="input input--width-20" />
        <Radios id=id("messages_ok") name="messages_ok" legend="Can the centre leave a message on this phone? (if by phone)"
            options=YES_NO.to_vec() value=form.messages_ok errors inline=true />
        <TextInput id=id("email") name="email" label="Email address (if by email)" kind="email" value=form.email errors />
        <fieldset class="fieldset">
            <legend class="fieldset__legend">"Address (optional unless by post)"</legend>
            <TextInput id=id("address_line_1") name="address_line_1" label="Address line 1" value=form.address_line_1 errors />
            <TextInput id=id("address_line_2") name="address_line_2" label="Address line 2 (optional)" value=form.address_line_2 errors />
            <TextInput id=id("town") name="town" label="Town or city" value=form.town errors class="input input--width-20" />
            <TextInput id=id("postcode") name="postcode" label="Postcode" value=form.postcode errors class="input input--width-10" />
        </fieldset>
        <Checkboxes id=id("share_address") legend="Sharing the address"
            hint="Unless this is ticked, the address is kept from the other parent."
            items=vec![tick(prefix, "share_address", "The other parent may be told this address", &form.share_address)] errors />
        <Radios id=id("parental_responsibility") name="parental_responsibility" legend="Do they have parental responsibility for the children?"
            options=YES_NO_UNSURE.to_vec() value=form.parental_responsibility errors />
        <TextInput id=id("language") name="language" label="Language they prefer (optional)" value=form.language errors class="input input--width-20" />
        <Checkboxes id=id("interpreter") legend="Interpreter"
            items=vec![tick(prefix, "interpreter", "They need an interpreter", &form.interpreter)] errors />
        <TextArea id=id("access_needs") name="access_needs" label="Disability or access needs (optional)"
            hint="For example, step-free access, a hearing loop, or needing information read aloud." value=form.access_needs errors />
    }
}

pub fn others_fields(form: OtherPeopleForm, errors: Errors) -> impl IntoView {
    view! {
        <Radios id="others-attending" name="attending" legend="Will anyone else come to the centre with the children?"
            hint="For example, a grandparent or a new partner." options=YES_NO.to_vec() value=form.attending errors inline=true />
        <TextArea id="others-details" name="details" label="Who, and how they know the children (if anyone)"
            value=form.details errors />
    }
}

pub fn court_fields(form: CourtForm, errors: Errors) -> impl IntoView {
    let orders = vec![
        tick("court", "order_child_arrangements", "Child arrangements order", &form.order_child_arrangements),
        tick("court", "order_prohibited_steps", "Prohibited steps order", &form.order_prohibited_steps),
        tick("court", "order_non_molestation", "Non-molestation order", &form.order_non_molestation),
        tick("court", "order_occupation", "Occupation order", &form.order_occupation),
        tick("court", "order_bail_conditions", "Bail conditions", &form.order_bail_conditions),
    ];
    view! {
        <Radios id="court-proceedings" name="proceedings" legend="Are there, or have there been, court proceedings about the children?"
            options=YES_NO_UNSURE.to_vec() value=form.proceedings errors />
        <Checkboxes id="court-order_child_arrangements" legend="Which orders or conditions are in force? (tick any that apply)"
            items=orders errors />
        <Radios id="court-order_allows_contact" name="order_allows_contact"
            legend="If there is a non-molestation or occupation order: does a court order say how contact can happen?"
            options=YES_NO.to_vec() value=form.order_allows_contact errors inline=true />
        <Radios id="court-social_services" name="social_services" legend="Are children's social services involved with the family?"
            options=YES_NO_UNSURE.to_vec() value=form.social_services errors />
        <TextInput id="court-case_number" name="case_number" label="Court case number (optional)" value=form.case_number errors class="input input--width-20" />
        <TextArea id="court-details" name="details" label="Anything else about the court case (optional)" value=form.details errors />
    }
}

pub fn safety_fields(form: SafetyForm, errors: Errors) -> impl IntoView {
    let abuse = vec![
        tick("safety", "abuse_physical", "Physical abuse", &form.abuse_physical),
        tick("safety", "abuse_psychological", "Psychological abuse", &form.abuse_psychological),
        tick("safety", "abuse_emotional", "Emotional abuse", &form.abuse_emotional),
        tick("safety", "abuse_sexual", "Sexual abuse", &form.abuse_sexual),
        tick("safety", "abuse_financial", "Financial abuse", &form.abuse_financial),
        tick("safety", "abuse_of_children", "Abuse of the children", &form.abuse_of_children),
        tick("safety", "abuse_none", "None of these", &form.abuse_none),
    ];
    view! {
        <p class="body">"These questions help the centre keep everyone safe. Your answers are only seen by the centre's trained staff, never by the other parent."</p>
        <Checkboxes id="safety-abuse_physical" legend="Has there been any of these between the adults, or towards the children?"
            hint="Tick all that apply, or 'None of these'." items=abuse errors />
        <Radios id="safety-child_offence_conviction" name="child_offence_conviction"
            legend="Has either adult been convicted of an offence against a child?" options=YES_NO_UNSURE.to_vec() value=form.child_offence_conviction errors />
        <Radios id="safety-abduction_risk" name="abduction_risk"
            legend="Is there a risk the children could be taken out of the country or hidden?" options=YES_NO_UNSURE.to_vec() value=form.abduction_risk errors />
        <TextArea id="safety-passports" name="passports" label="Who holds the children's passports? (optional)" value=form.passports errors />
        <Radios id="safety-drugs_or_alcohol" name="drugs_or_alcohol" legend="Is drug or alcohol use a concern?"
            options=YES_NO_UNSURE.to_vec() value=form.drugs_or_alcohol errors />
        <Radios id="safety-mental_health" name="mental_health" legend="Is anyone's mental health a concern for the children's safety?"
            options=YES_NO_UNSURE.to_vec() value=form.mental_health errors />
        <Radios id="safety-other_concerns" name="other_concerns" legend="Do you have any other concerns about the children's safety?"
            options=YES_NO.to_vec() value=form.other_concerns errors inline=true />
        <TextArea id="safety-other_details" name="other_details" label="Your other concerns (if any)" value=form.other_details errors />
    }
}

pub fn practical_fields(form: PracticalForm, errors: Errors) -> impl IntoView {
    let days = vec![
        tick("practical", "day_mon", "Monday", &form.day_mon),
        tick("practical", "day_tue", "Tuesday", &form.day_tue),
        tick("practical", "day_wed", "Wednesday", &form.day_wed),
        tick("practical", "day_thu", "Thursday", &form.day_thu),
        tick("practical", "day_fri", "Friday", &form.day_fri),
        tick("practical", "day_sat", "Saturday", &form.day_sat),
        tick("practical", "day_sun", "Sunday", &form.day_sun),
    ];
    view! {
        <Checkboxes id="practical-day_mon" legend="Which days could the children come?" hint="Tick all that could work."
            items=days errors />
        <DateInput id="practical-start" names=["start_day", "start_month", "start_year"] legend="The earliest date you could start (optional)"
            hint="For example, 9 1 2027" values=[form.start_day, form.start_month, form.start_year] errors />
        <TextArea id="practical-notes" name="notes" label="Times that suit, travel, school: anything the centre should know (optional)"
            value=form.notes errors />
    }
}

pub fn consent_fields(form: ConsentForm, errors: Errors) -> impl IntoView {
    view! {
        <Checkboxes id="consent-truth" legend="Confirm what you have told us"
            items=vec![tick("consent", "truth", "What I have told you is true, as far as I know", &form.truth)] errors />
        <Checkboxes id="consent-sharing" legend="How the centre uses it"
            hint="The centre keeps it safe and shares it only as the law allows, never with the other parent."
            items=vec![tick("consent", "sharing", "The centre may use this information to arrange contact for the children", &form.sharing)] errors />
    }
}
