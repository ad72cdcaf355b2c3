//! The wizard's server functions and what they return. Each is thin: parse what was posted, apply
//! the shared rules (`shared::referral`), call the `Referrals` port, and answer a plain form post
//! with a redirect (its page then shows the errors) or a script with typed errors and a 4xx.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::referral::{DraftAnswers, Fields};
use shared::{IsoDate, ServiceType};

#[cfg(feature = "ssr")]
use super::session::{self as s, is_plain_form};
#[cfg(feature = "ssr")]
use shared::referral::{AccessCode, FieldError, ReferralReference, Step};

pub use super::error::WizardError;

/// The centre a referral goes to, as the wizard shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreChoice {
    pub slug: String,
    pub name: String,
    pub town: String,
    pub service: ServiceType,
    pub accepts_online_referrals: bool,
}

/// An open draft, for its pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WizardView {
    pub reference: String,
    pub answers: DraftAnswers,
    pub centre: Option<CentreChoice>,
    /// The server's date, so the browser checks dates of birth against the same day.
    pub today: IsoDate,
}

impl WizardView {
    pub fn centre_service(&self) -> Option<ServiceType> {
        self.centre.as_ref().map(|c| c.service)
    }
}

#[cfg(feature = "ssr")]
pub(crate) async fn centre_choice(slug: &str) -> Result<Option<CentreChoice>, WizardError> {
    let Ok(slug) = shared::Slug::parse(slug) else { return Ok(None) };
    let ports = crate::ports::use_ports()?;
    let centres = ports.centres.all_centres().await?;
    Ok(centres.iter().find(|c| c.slug == slug).map(|c| CentreChoice {
        slug: c.slug.to_string(),
        name: c.name.to_string(),
        town: c.town.to_string(),
        service: c.service,
        accepts_online_referrals: c.accepts_online_referrals,
    }))
}

/// The draft this browser's session holds, or `NothingOpen`.
#[cfg(feature = "ssr")]
pub(crate) async fn open_draft() -> Result<(ReferralReference, DraftAnswers), WizardError> {
    let session = s::session().await?;
    let reference = s::get_ref(&session, s::DRAFT).await?.ok_or(WizardError::NothingOpen)?;
    let ports = crate::ports::use_ports()?;
    let mut answers = ports.referrals.draft(&reference).await?.ok_or(WizardError::NothingOpen)?;
    answers.name_children();
    Ok((reference, answers))
}

/// Redirects the browser (a plain form post gets a 302; a script follows the header).
#[cfg(feature = "ssr")]
pub(crate) fn go(path: &str) {
    leptos_axum::redirect(path);
}

#[server(endpoint = "refer/wizard")]
pub async fn load_wizard() -> Result<WizardView, WizardError> {
    s::no_store();
    let (reference, answers) = open_draft().await.map_err(WizardError::with_status)?;
    let centre = centre_choice(&answers.centre).await?;
    let today = crate::ports::use_ports()?.clock.today();
    Ok(WizardView { reference: reference.to_string(), answers, centre, today: today.into() })
}

/// `/refer` → starts a draft for the chosen centre (or none yet) and opens it in this session.
#[server(endpoint = "refer/start")]
pub async fn start_referral(#[server(default)] centre: String) -> Result<(), WizardError> {
    let ports = crate::ports::use_ports()?;
    let choice = centre_choice(&centre).await?.filter(|c| c.accepts_online_referrals);
    let answers = DraftAnswers { centre: choice.map(|c| c.slug).unwrap_or_default(), ..Default::default() };
    let reference = ports.referrals.start(&answers).await?;
    let session = s::session().await?;
    s::renew(&session).await?;
    s::set_ref(&session, s::DRAFT, &reference).await?;
    go(&Step::Who.path());
    Ok(())
}

/// Sets the centre of the open draft (from `/refer?centre=…` while a referral is in progress).
#[server(endpoint = "refer/centre")]
pub async fn choose_centre(#[server(default)] centre: String) -> Result<(), WizardError> {
    let (reference, mut answers) = open_draft().await.map_err(WizardError::with_status)?;
    let choice = centre_choice(&centre).await?.filter(|c| c.accepts_online_referrals);
    let Some(choice) = choice else { return Err(WizardError::BadRequest.with_status()) };
    answers.centre = choice.slug;
    let ports = crate::ports::use_ports()?;
    if !ports.referrals.save(&reference, &answers).await? {
        return Err(WizardError::NothingOpen.with_status());
    }
    go(&Step::Service.path());
    Ok(())
}

/// Saves one page. `intent` is `later` for "Save and come back later" (saved as typed, and a code
/// is issued); `change` returns to check your answers.
#[server(endpoint = "refer/save")]
pub async fn save_step(
    #[server(default)] step: String,
    #[server(default)] intent: String,
    #[server(default)] change: String,
    #[server(default)] f: Fields,
) -> Result<(), WizardError> {
    let step = Step::from_slug(&step).ok_or_else(|| WizardError::BadRequest.with_status())?;
    let (reference, mut answers) = open_draft().await.map_err(WizardError::with_status)?;
    step.apply(&mut answers, &f);
    let ports = crate::ports::use_ports()?;
    let centre = centre_choice(&answers.centre).await?.map(|c| c.service);
    let errors = step.errors(&answers, centre, ports.clock.today());
    let later = intent == "later";
    finish_page(
        &reference,
        &answers,
        errors,
        later,
        &change,
        || {
            if step == Step::Safety && needs_supervised_centre(&answers, centre) {
                return "/refer/supervised".to_owned();
            }
            let kind = shared::referral::ReferrerKind::from_code(&answers.referrer_kind);
            match step.next(kind) {
                Some(next) if change.is_empty() => next.path(),
                _ => "/refer/check".to_owned(),
            }
        },
        &step.path(),
    )
    .await
}

/// Saves one child's page (`number` 1-based; one more than the count adds a child).
#[server(endpoint = "refer/child")]
pub async fn save_child(
    #[server(default)] number: String,
    #[server(default)] intent: String,
    #[server(default)] change: String,
    #[server(default)] f: Fields,
) -> Result<(), WizardError> {
    let (reference, mut answers) = open_draft().await.map_err(WizardError::with_status)?;
    let number = number.trim().parse::<usize>().ok().and_then(|n| answers.put_child(n, &f));
    let number = number.ok_or_else(|| WizardError::BadRequest.with_status())?;
    let today = crate::ports::use_ports()?.clock.today();
    let errors = answers.children[number - 1].field_errors(today);
    let page = format!("/refer/children/{number}");
    let change_q = change.clone();
    finish_page(
        &reference,
        &answers,
        errors,
        intent == "later",
        &change,
        move || {
            if change_q.is_empty() { "/refer/children".to_owned() } else { "/refer/check".to_owned() }
        },
        &page,
    )
    .await
}

/// Removes a child from the list, named by its id: sent twice, it removes that child once.
#[server(endpoint = "refer/child/remove")]
pub async fn remove_child(#[server(default)] child: String) -> Result<(), WizardError> {
    let (reference, mut answers) = open_draft().await.map_err(WizardError::with_status)?;
    let id = child.trim().parse::<u32>().map_err(|_| WizardError::BadRequest.with_status())?;
    if answers.remove_child(id) {
        let ports = crate::ports::use_ports()?;
        if !ports.referrals.save(&reference, &answers).await? {
            return Err(WizardError::NothingOpen.with_status());
        }
    }
    go("/refer/children");
    Ok(())
}

#[cfg(feature = "ssr")]
fn needs_supervised_centre(answers: &DraftAnswers, centre: Option<ServiceType>) -> bool {
    let screening = shared::referral::screening_so_far(answers);
    matches!((screening, centre), (Some(s), Some(c)) if s.route(c) == shared::referral::Route::FindSupervisedCentre)
}

/// The end of every page save: refuse oversized text; save; then go on, or show the problems.
#[cfg(feature = "ssr")]
async fn finish_page(
    reference: &ReferralReference,
    answers: &DraftAnswers,
    errors: Vec<FieldError>,
    later: bool,
    change: &str,
    next: impl FnOnce() -> String,
    page: &str,
) -> Result<(), WizardError> {
    answers.check_size().map_err(|_| WizardError::TooLarge.with_status())?;
    if later {
        // Saved exactly as typed, problems and all: nothing is lost, and the code reopens it.
        save_or_closed(reference, answers).await?;
        s::set_ref(&s::session().await?, s::CODE_DUE, reference).await?;
        go("/refer/saved");
        return Ok(());
    }
    if errors.is_empty() {
        save_or_closed(reference, answers).await?;
        go(&next());
        return Ok(());
    }
    if is_plain_form() {
        // Without JavaScript the page is shown again from the draft, so keep what was typed.
        save_or_closed(reference, answers).await?;
        let change = if change.is_empty() { "" } else { "&change=1" };
        go(&format!("{page}?invalid=1{change}"));
        return Ok(());
    }
    // A script (or a crafted request): nothing stored, the problems returned with a 422.
    Err(WizardError::Rejected(errors).with_status())
}

#[cfg(feature = "ssr")]
async fn save_or_closed(reference: &ReferralReference, answers: &DraftAnswers) -> Result<(), WizardError> {
    let ports = crate::ports::use_ports()?;
    if ports.referrals.save(reference, answers).await? { Ok(()) } else { Err(WizardError::NothingOpen.with_status()) }
}

/// "Save and come back later" from the task list: a new code for the open draft.
#[server(endpoint = "refer/save-later")]
pub async fn save_for_later() -> Result<(), WizardError> {
    let (reference, _) = open_draft().await.map_err(WizardError::with_status)?;
    s::set_ref(&s::session().await?, s::CODE_DUE, &reference).await?;
    go("/refer/saved");
    Ok(())
}

/// A reference with the code just issued for it (shown once), or without if it was shown already.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeView {
    pub reference: String,
    pub code: Option<String>,
}

/// `/refer/saved`: the open draft's reference and, once, its new code (made here, so the code
/// shown is the code stored).
#[server(endpoint = "refer/saved")]
pub async fn load_saved() -> Result<CodeView, WizardError> {
    s::no_store();
    let session = s::session().await?;
    let reference = s::get_ref(&session, s::DRAFT).await?.ok_or_else(|| WizardError::NothingOpen.with_status())?;
    let code = if s::take_code_due(&session, s::CODE_DUE, &reference).await? {
        crate::ports::use_ports()?.referrals.new_code(&reference).await?
    } else {
        None
    };
    Ok(CodeView { reference: reference.to_string(), code: code.map(|c| c.to_display_once()) })
}

#[cfg(feature = "ssr")]
pub(crate) fn parse_code(
    reference: &str,
    code: &str,
    prefix: &str,
) -> Result<(ReferralReference, AccessCode), Vec<FieldError>> {
    let reference =
        ReferralReference::parse(reference).map_err(|e| FieldError::bilingual(format!("{prefix}-reference"), &e));
    let code = AccessCode::parse(code).map_err(|e| FieldError::bilingual(format!("{prefix}-code"), &e));
    match (reference, code) {
        (Ok(r), Ok(c)) => Ok((r, c)),
        (r, c) => Err([r.err(), c.err()].into_iter().flatten().collect()),
    }
}
