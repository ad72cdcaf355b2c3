//! The centre's accreditation: `/centre/accreditation` (the application; then the case, its
//! clocks, the task list of the self-assessment, queries to answer, the action plan and the
//! history) and `/centre/accreditation/{set}-{n}` (one section: each standard's rating, notes and
//! evidence files). For the centre's managers.

use super::model::{CaseView, CentreAccreditation, SectionView, StandardView};
use super::parts::{CaseFacts, Done, History, StandardsReadOnly, StepForm, items_table};
use crate::components::form::{ErrorSummary, Errors, Radios, TextInput};
use crate::pages::staff::Returned;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::accreditation::application::{SERVICES_FIELD, SIGNED_BY_FIELD, SIGNED_ON_FIELD, VENUE_FIELD};
use shared::accreditation::assessment::{Progress, Rating};
use shared::accreditation::evidence::{EvidenceKind, MAX_FILES_PER_STANDARD, max_size_words};
use shared::accreditation::{Action, Services, Stage, Venue};
use shared::referral::FieldError;

#[component]
pub fn CentreAccreditationPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| super::load_centre_accreditation());
    let returned = Resource::new(|| (), |_| super::load_returned());
    view! {
        <Title text="Accreditation" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let done = query.with_untracked(|q| q.get("done"));
                let returned = returned.await.unwrap_or_default();
                match data.await {
                    Ok(CentreAccreditation::Apply { centre_name }) => view! { <Apply centre_name returned done /> }.into_any(),
                    Ok(CentreAccreditation::Case(case)) => view! { <CentreCase case=*case returned done /> }.into_any(),
                    Err(error) => view! { <super::AccreditationProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Apply(centre_name: String, returned: Returned, done: Option<String>) -> impl IntoView {
    let errors: Errors = Signal::stored(returned.errors.clone());
    let typed = move |k: &str| returned.fields.get(k).cloned().unwrap_or_default();
    let services: Vec<(&'static str, &'static str)> = Services::ALL.iter().map(|s| (s.code(), s.label())).collect();
    let venues: Vec<(&'static str, &'static str)> = Venue::ALL.iter().map(|v| (v.code(), v.label())).collect();
    view! {
        <a href="/centre" class="back-link">"Back"</a>
        <Done done />
        <ErrorSummary errors />
        <h1 class="heading-l">"Apply for accreditation"</h1>
        <p class="body">{format!(
            "{centre_name} can apply to be accredited by NACCC. NACCC confirms your application within {} of receiving it and your fee; you then have {} to complete your self-assessment and be assessed.",
            shared::durations::CANDIDATE_CONFIRMATION.words(),
            shared::durations::CANDIDATE_COMPLETION.words()
        )}</p>
        <form method="post" action="/api/accreditation/apply" id="apply-form" novalidate>
            <Radios id=SERVICES_FIELD name=SERVICES_FIELD legend="What contact are you applying to be accredited for?" options=services value=typed(SERVICES_FIELD) errors />
            <Radios id=VENUE_FIELD name=VENUE_FIELD legend="Where does contact take place?" options=venues value=typed(VENUE_FIELD) errors />
            <TextInput id=SIGNED_BY_FIELD name=SIGNED_BY_FIELD label="Who signed NACCC's working agreement for the centre?" value=typed(SIGNED_BY_FIELD) errors autocomplete="name" />
            <TextInput id=SIGNED_ON_FIELD name=SIGNED_ON_FIELD label="The date it was signed" hint="For example, 2026-03-14" kind="date" value=typed(SIGNED_ON_FIELD) errors />
            <button type="submit" class="button">"Send the application"</button>
        </form>
    }
}

fn progress_tag(p: Progress) -> &'static str {
    match p {
        Progress::Completed => "tag tag--green",
        Progress::InProgress => "tag tag--blue",
        Progress::NotStarted => "tag tag--grey",
    }
}

/// The self-assessment's task list: each section, how far it has got.
fn task_list(sections: &[SectionView]) -> impl IntoView + use<> {
    let mut set = String::new();
    sections
        .iter()
        .map(|s| {
            let heading = (s.set_title != set).then(|| {
                set = s.set_title.clone();
                view! { <h3 class="heading-s">{s.set_title.clone()}</h3> }
            });
            let progress = Progress::of(s.answered(), s.standards.len());
            view! {
                {heading}
                <ul class="task-list">
                    <li class="task-list__item">
                        <a class="task-list__name" href=format!("/centre/accreditation/{}", s.id) aria-describedby=format!("{}-status", s.id)>{format!("{}. {}", s.number, s.title)}</a>
                        <span class=progress_tag(progress) id=format!("{}-status", s.id)>{format!("{} ({} of {})", progress.label(), s.answered(), s.standards.len())}</span>
                    </li>
                </ul>
            }
        })
        .collect_view()
}

#[component]
fn CentreCase(case: CaseView, returned: Returned, done: Option<String>) -> impl IntoView {
    let errors: Errors = Signal::stored(returned.errors.clone());
    let id = case.id;
    let version = case.version;
    let unanswered = case.unanswered();
    let self_assessment = (case.stage == Stage::SelfAssessment).then(|| {
        let send = case.actions.contains(&Action::Submit).then(|| {
            view! {
                <p class="body" id="unanswered">{if unanswered == 0 {
                    "Every standard is answered: you can send your self-assessment to NACCC.".to_owned()
                } else {
                    shared::durations::count(i64::try_from(unanswered).unwrap_or(0), "standard is still to answer", "standards are still to answer")
                }}</p>
                <StepForm case=id version action=Action::Submit label="Send the self-assessment to NACCC" />
            }
        });
        view! {
            <h2 class="heading-m">"Your self-assessment"</h2>
            <p class="body">"For each standard, say whether the centre meets it, with notes on your evidence, and add files. Your answers are saved as you go."</p>
            {task_list(&case.sections)}
            {send}
        }
    });
    let queries = (case.stage == Stage::Queries).then(|| {
        let open: Vec<(StandardView, super::model::ReviewQuery)> = case
            .sections
            .iter()
            .flat_map(|s| s.standards.iter())
            .flat_map(|st| st.queries.iter().filter(|q| q.sent).map(move |q| (st.clone(), q.clone())))
            .collect();
        let fields = returned.fields.clone();
        let forms = open
            .into_iter()
            .map(|(st, q)| {
                let field = format!("reply-{}", q.id);
                let value = fields.get(&field).cloned().or_else(|| q.reply.clone()).unwrap_or_default();
                view! {
                    <div class="query-reply">
                        <h3 class="heading-s">{format!("{} {}", st.number, st.title)}</h3>
                        <p class="body"><strong>"The assessor asks: "</strong>{q.query.clone()}</p>
                        <form method="post" action="/api/accreditation/reply" novalidate>
                            <input type="hidden" name="case" value=id.to_string() />
                            <input type="hidden" name="query" value=q.id.to_string() />
                            <crate::components::form::TextArea id=field.clone() name=field label="Your answer" value errors />
                            <button type="submit" class="button button--secondary">"Save answer"</button>
                        </form>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h2 class="heading-m">"The assessor's queries"</h2>
            {forms}
            <StepForm case=id version action=Action::AnswerQueries label="Send your answers to the assessor" />
        }
    });
    let plan = (!case.items.is_empty()).then(|| {
        let answering = case.stage == Stage::Conditions;
        let fields = returned.fields.clone();
        let forms = answering.then(|| {
            case.items
                .iter()
                .map(|item| {
                    let field = format!("response-{}", item.id);
                    let value = fields.get(&field).cloned().or_else(|| item.response.clone()).unwrap_or_default();
                    view! {
                        <form method="post" action="/api/accreditation/item/answer" class="item-answer" novalidate>
                            <input type="hidden" name="case" value=id.to_string() />
                            <input type="hidden" name="item" value=item.id.to_string() />
                            <crate::components::form::TextArea id=field.clone() name=field label=format!("What the centre has done: {}", item.text) value errors />
                            <button type="submit" class="button button--secondary">"Save answer"</button>
                        </form>
                    }
                })
                .collect_view()
        });
        view! {
            <h2 class="heading-m" id="action-plan">"Action plan"</h2>
            {items_table(&case.items)}
            {forms}
        }
    });
    let read_only = (case.stage != Stage::SelfAssessment).then(|| {
        view! {
            <h2 class="heading-m">"The standards as you answered them"</h2>
            <StandardsReadOnly case=case.clone() />
        }
    });
    view! {
        <a href="/centre" class="back-link">"Back"</a>
        <Done done />
        <ErrorSummary errors />
        <h1 class="heading-l">"Accreditation"</h1>
        <CaseFacts case=case.clone() />
        {self_assessment}
        {queries}
        {plan}
        {read_only}
        <History entries=case.history.clone() />
    }
}

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(|| (), |_| super::load_centre_accreditation());
    let returned = Resource::new(|| (), |_| super::load_returned());
    view! {
        <Title text="Self-assessment" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let section = params.with_untracked(|p| p.get("section").unwrap_or_default());
                let done = query.with_untracked(|q| q.get("done"));
                let returned = returned.await.unwrap_or_default();
                match data.await {
                    Ok(CentreAccreditation::Case(case)) => {
                        match case.sections.iter().find(|s| s.id == section).cloned() {
                            Some(s) => view! { <Section case=*case section=s returned done /> }.into_any(),
                            None => view! { <super::AccreditationProblem error=crate::pages::workspace::WorkspaceError::NotFound /> }.into_any(),
                        }
                    }
                    Ok(CentreAccreditation::Apply { .. }) => view! { <super::AccreditationProblem error=crate::pages::workspace::WorkspaceError::NotFound /> }.into_any(),
                    Err(error) => view! { <super::AccreditationProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One standard's rating and notes, belonging to the section's form (`form="section-form"`),
/// so its evidence files' forms can sit beside it.
fn standard_inputs(st: &StandardView, returned: &Returned) -> impl IntoView + use<> {
    let id = st.key.replace(['/', '.'], "-");
    let rating_field = format!("rating-{id}");
    let notes_field = format!("notes-{id}");
    let rating = returned
        .fields
        .get(&rating_field)
        .cloned()
        .unwrap_or_else(|| st.rating.map(|r| r.code().to_owned()).unwrap_or_default());
    let notes = returned.fields.get(&notes_field).cloned().unwrap_or_else(|| st.notes.clone());
    let rating_error = FieldError::for_field(&returned.errors, &rating_field).map(str::to_owned);
    let notes_error = FieldError::for_field(&returned.errors, &notes_field).map(str::to_owned);
    let group = |error: &Option<String>| if error.is_some() { "form-group form-group--error" } else { "form-group" };
    let radios = Rating::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let input_id = if i == 0 { rating_field.clone() } else { format!("{rating_field}-{}", i + 1) };
            view! {
                <div class="radios__item">
                    <input class="radios__input" id=input_id.clone() name=crate::components::form::field_name(&rating_field) type="radio" value=r.code() checked=rating == r.code() form="section-form" />
                    <label class="label radios__label" for=input_id>{r.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group(&rating_error)>
            <fieldset class="fieldset" aria-describedby=rating_error.as_ref().map(|_| format!("{rating_field}-error"))>
                <legend class="fieldset__legend">{format!("Does the centre meet standard {}?", st.number)}</legend>
                {rating_error.clone().map(|m| view! { <p class="error-message" id=format!("{rating_field}-error")><span class="visually-hidden">"Error: "</span>{m}</p> })}
                <div class="radios radios--inline">{radios}</div>
            </fieldset>
        </div>
        <div class=group(&notes_error)>
            <label class="label" for=notes_field.clone()>{format!("Notes on your evidence for {}", st.number)}</label>
            <div class="hint" id=format!("{notes_field}-hint")>"Needed if the standard is partly met or not met: say what is missing and what you are doing about it."</div>
            {notes_error.clone().map(|m| view! { <p class="error-message" id=format!("{notes_field}-error")><span class="visually-hidden">"Error: "</span>{m}</p> })}
            <textarea class="textarea" id=notes_field.clone() name=crate::components::form::field_name(&notes_field) rows="4" form="section-form"
                aria-invalid=notes_error.as_ref().map(|_| "true")
                aria-describedby=if notes_error.is_some() { format!("{notes_field}-hint {notes_field}-error") } else { format!("{notes_field}-hint") }>{notes}</textarea>
        </div>
    }
}

/// A standard's files: each with a remove button, and the upload form.
fn evidence_forms(case: i64, section: &str, st: &StandardView, returned: &Returned) -> impl IntoView + use<> {
    let id = st.key.replace(['/', '.'], "-");
    let file_field = format!("file-{id}");
    let error = FieldError::for_field(&returned.errors, &file_field).map(str::to_owned);
    let files = st
        .files
        .iter()
        .map(|f| {
            view! {
                <li>
                    <a href=format!("/accreditation/evidence/{}", f.id) download="">{f.name.clone()}</a>" "
                    <form method="post" action="/centre/accreditation/evidence/remove" class="inline-form">
                        <input type="hidden" name="case" value=case.to_string() />
                        <input type="hidden" name="file" value=f.id.to_string() />
                        <input type="hidden" name="section" value=section.to_owned() />
                        <button type="submit" class="button button--secondary button--small">"Remove"<span class="visually-hidden">{format!(" {}", f.name)}</span></button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let room = st.files.len() < MAX_FILES_PER_STANDARD;
    view! {
        <h3 class="heading-s">{format!("Evidence files for {}", st.number)}</h3>
        {(!st.files.is_empty()).then(|| view! { <ul class="list evidence-files">{files}</ul> })}
        {room.then(|| view! {
            <form method="post" action="/centre/accreditation/evidence" enctype="multipart/form-data" class="upload-form">
                <input type="hidden" name="case" value=case.to_string() />
                <input type="hidden" name="standard" value=st.key.clone() />
                <input type="hidden" name="section" value=section.to_owned() />
                <div class=if error.is_some() { "form-group form-group--error" } else { "form-group" }>
                    <label class="label" for=file_field.clone()>{format!("Add a file for {}", st.number)}</label>
                    <div class="hint" id=format!("{file_field}-hint")>{format!("A PDF, a PNG or JPEG image, or a Word, Excel, PowerPoint or OpenDocument file, up to {} (at most {MAX_FILES_PER_STANDARD} files)", max_size_words())}</div>
                    {error.clone().map(|m| view! { <p class="error-message" id=format!("{file_field}-error")><span class="visually-hidden">"Error: "</span>{m}</p> })}
                    <input class="file-upload" type="file" id=file_field.clone() name="file" accept=EvidenceKind::ACCEPT
                        aria-invalid=error.as_ref().map(|_| "true")
                        aria-describedby=if error.is_some() { format!("{file_field}-hint {file_field}-error") } else { format!("{file_field}-hint") } />
                </div>
                <button type="submit" class="button button--secondary">{format!("Upload file for {}", st.number)}</button>
            </form>
        })}
    }
}

#[component]
fn Section(case: CaseView, section: SectionView, returned: Returned, done: Option<String>) -> impl IntoView {
    let errors: Errors = Signal::stored(returned.errors.clone());
    let open = case.stage == Stage::SelfAssessment;
    let standards = section
        .standards
        .iter()
        .map(|st| {
            let anchor = format!("standard-{}", st.key.replace(['/', '.'], "-"));
            view! {
                <div class="standard" id=anchor>
                    <h2 class="heading-m">{format!("{} {}", st.number, st.title)}</h2>
                    <p class="body">{st.text.clone()}</p>
                    <details class="details">
                        <summary class="details__summary">{format!("Guidance for {}", st.number)}</summary>
                        <div class="details__text">{st.guidance.clone()}</div>
                    </details>
                    {if open {
                        view! { {standard_inputs(st, &returned)} {evidence_forms(case.id, &section.id, st, &returned)} }.into_any()
                    } else {
                        super::parts::answered(st).into_any()
                    }}
                </div>
            }
        })
        .collect_view();
    view! {
        <a href="/centre/accreditation" class="back-link">"Back to your self-assessment"</a>
        <Done done />
        <ErrorSummary errors />
        <span class="caption-l">{section.set_title.clone()}</span>
        <h1 class="heading-l">{format!("{}. {}", section.number, section.title)}</h1>
        {standards}
        {open.then(|| view! {
            <form method="post" action="/api/accreditation/section" id="section-form" novalidate>
                <input type="hidden" name="case" value=case.id.to_string() />
                <input type="hidden" name="section" value=section.id.clone() />
                <button type="submit" class="button">"Save this section"</button>
            </form>
        })}
        <p class="body"><a href="/centre/accreditation">"Return to your self-assessment"</a></p>
    }
}
