//! The reference-and-code pages: the code to come back with (`/refer/saved`), and the forms that
//! open something with one: `/refer/resume`, `/refer/status`, `/refer/join`.

use super::WizardProblem;
use super::api::load_saved;
use super::code_api::{CheckStatus, CodeForm, OpenInvitation, ResumeReferral, load_code_form, load_status};
use crate::components::form::{ErrorSummary, TextInput};
use crate::messages::{Locale, use_locale};
use leptos::prelude::*;
use leptos_meta::Title;
use shared::referral::FieldError;

/// Shows a reference and the code that goes with it, once, with a reminder to keep them safe.
#[component]
pub fn CodePanel(reference: String, code: Option<String>, #[prop(into)] id: String) -> impl IntoView {
    let l = use_locale();
    match code {
        Some(code) => view! {
            <div class="panel" id=id>
                <p class="panel__title">{l.pick("Your reference", "Eich cyfeirnod")}</p>
                <p class="panel__body code">{reference}</p>
                <p class="panel__title">{l.pick("Your code", "Eich cod")}</p>
                <p class="panel__body code">{code}</p>
            </div>
            <p class="body">
                {l.pick(
                    "Write both down, or keep them somewhere safe that nobody else can see. We cannot show this code again; if you lose it, you can get a new one from here while this browser still has the referral open.",
                    "Ysgrifennwch y ddau i lawr, neu cadwch nhw rywle diogel lle na all neb arall eu gweld. Allwn ni ddim dangos y cod hwn eto; os byddwch chi'n ei golli, gallwch chi gael un newydd o'r fan hon tra bod yr atgyfeiriad yn dal ar agor yn y porwr hwn.",
                )}
            </p>
        }
        .into_any(),
        None => view! {
            <div class="panel" id=id>
                <p class="panel__title">{l.pick("Your reference", "Eich cyfeirnod")}</p>
                <p class="panel__body code">{reference}</p>
            </div>
        }
        .into_any(),
    }
}

#[component]
pub fn SavedPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_saved());
    let l = use_locale();
    let title = l.pick("Your referral is saved", "Mae eich atgyfeiriad wedi'i gadw");
    view! {
        <Title text=title />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => {
                        let kept = shared::durations::DRAFT.words_in(l);
                        let rest = match l {
                            Locale::English => format!(
                                " on this website and enter your reference and code. Your answers are kept for {kept} from when you last saved."
                            ),
                            Locale::Welsh => format!(
                                " ar y wefan hon a rhowch eich cyfeirnod a'ch cod. Caiff eich atebion eu cadw am {kept} ar ôl y tro diwethaf i chi gadw."
                            ),
                        };
                        view! {
                            <h1 class="heading-l">{title}</h1>
                            <CodePanel reference=view.reference code=view.code id="saved-code" />
                            <p class="body">{l.pick("To carry on, go to ", "I barhau, ewch i ")}<strong>"/refer/resume"</strong>{rest}</p>
                            <p><a class="button" href="/refer/tasks">{l.pick("Carry on now", "Parhau nawr")}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <WizardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A form asking for a reference and a code, for the server function `$action`, in the language
/// `$l`; `$form` is `resume`, `status` or `join` (the inputs' id prefix).
macro_rules! reference_and_code {
    ($l:expr, $form:literal, $action:expr, $refused:expr, $button:expr, $code_label:expr) => {{
        let locale: Locale = $l;
        let action = $action;
        let refused: CodeForm = $refused;
        let button: &'static str = $button;
        let code_label: &'static str = $code_label;
        let errors = Signal::stored(FieldError::in_locale(refused.errors, locale));
        view! {
            <ErrorSummary errors />
            <ActionForm action>
                <TextInput id=concat!($form, "-reference") name="reference" plain=true
                    label=locale.pick("Reference", "Cyfeirnod")
                    hint=locale.pick("It starts with NR-, like NR-7K3Q-9PXD", "Mae'n dechrau gydag NR-, fel NR-7K3Q-9PXD")
                    value=refused.reference errors class="input input--width-20" />
                <TextInput id=concat!($form, "-code") name="code" plain=true label=code_label
                    hint=locale.pick("The 12 letters and numbers we gave you", "Y 12 llythyren a rhif a roeson ni i chi")
                    value="" errors class="input input--width-20" autocomplete="off" />
                <button type="submit" class="button">{button}</button>
            </ActionForm>
        }
    }};
}

/// A page of its own for a reference-and-code form; each text is `[English, Welsh]`.
macro_rules! code_page {
    (
        $page:ident,
        $form:literal,
        $action:ty,
        [$title_en:literal, $title_cy:literal],
        [$intro_en:literal, $intro_cy:literal],
        [$button_en:literal, $button_cy:literal],
        [$code_label_en:literal, $code_label_cy:literal]
    ) => {
        #[component]
        pub fn $page() -> impl IntoView {
            let refused = Resource::new(|| (), |_| load_code_form($form.to_owned()));
            let action = ServerAction::<$action>::new();
            let l = use_locale();
            let title = l.pick($title_en, $title_cy);
            let intro = l.pick($intro_en, $intro_cy);
            let button_words = l.pick($button_en, $button_cy);
            let code_words = l.pick($code_label_en, $code_label_cy);
            view! {
                <Title text=title />
                <h1 class="heading-l">{title}</h1>
                <p class="body">{intro}</p>
                <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
                    {move || Suspend::new(async move {
                        let refused = refused.await.unwrap_or_default();
                        reference_and_code!(l, $form, action, refused, button_words, code_words)
                    })}
                </Suspense>
            }
        }
    };
}

code_page!(
    ResumePage,
    "resume",
    ResumeReferral,
    ["Continue a saved referral", "Parhau ag atgyfeiriad sydd wedi'i gadw"],
    [
        "Enter the reference and code you were given when you saved your referral.",
        "Rhowch y cyfeirnod a'r cod a gawsoch chi pan wnaethoch chi gadw eich atgyfeiriad."
    ],
    ["Continue", "Parhau"],
    ["Code", "Cod"]
);

code_page!(
    JoinStartPage,
    "join",
    OpenInvitation,
    ["Add your part to a referral", "Ychwanegu eich rhan at atgyfeiriad"],
    [
        "The parent who made the referral, or their solicitor, gave you a reference and an invitation code. You will not see anything they wrote, and they will not see what you write.",
        "Mae'r rhiant a wnaeth yr atgyfeiriad, neu eu cyfreithiwr, wedi rhoi cyfeirnod a chod gwahodd i chi. Fyddwch chi ddim yn gweld dim byd a ysgrifennon nhw, a fyddan nhw ddim yn gweld beth rydych chi'n ei ysgrifennu."
    ],
    ["Continue", "Parhau"],
    ["Invitation code", "Cod gwahodd"]
);

#[component]
pub fn StatusPage() -> impl IntoView {
    let action = ServerAction::<CheckStatus>::new();
    let refused = Resource::new(|| (), |_| load_code_form("status".to_owned()));
    // A right code redirects to this same page: the version reloads it to show the status.
    let status = Resource::new(move || action.version().get(), |_| load_status());
    let l = use_locale();
    let title = l.pick("Check the progress of a referral", "Gwirio cynnydd atgyfeiriad");
    view! {
        <Title text=title />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                let refused = refused.await.unwrap_or_default();
                let shown = match status.await {
                    Ok(Some(s)) => view! {
                        <h1 class="heading-l">{s.progress.status.headline_in(l)}</h1>
                        <div class="panel" id="status-result">
                            <p class="panel__title">{s.progress.status.headline_in(l)}</p>
                            <p class="panel__body">
                                {l.pick("Referral ", "Atgyfeiriad ")}{s.reference}{l.pick(" to ", " i ")}{s.centre_name}
                                {l.pick(", sent on ", ", a anfonwyd ar ")}{s.progress.submitted_on.to_string()}"."
                            </p>
                        </div>
                        <p class="body">{s.progress.status.explanation_in(l)}</p>
                        <h2 class="heading-m">{l.pick("Check another referral", "Gwirio atgyfeiriad arall")}</h2>
                    }
                    .into_any(),
                    _ => view! {
                        <h1 class="heading-l">{title}</h1>
                        <p class="body">
                            {l.pick(
                                "Enter the reference and the code you were given after you sent the referral.",
                                "Rhowch y cyfeirnod a'r cod a gawsoch chi ar ôl i chi anfon yr atgyfeiriad."
                            )}
                        </p>
                    }
                    .into_any(),
                };
                view! {
                    {shown}
                    {reference_and_code!(
                        l,
                        "status",
                        action,
                        refused,
                        l.pick("Check progress", "Gwirio cynnydd"),
                        l.pick("Code", "Cod")
                    )}
                }
            })}
        </Suspense>
    }
}
