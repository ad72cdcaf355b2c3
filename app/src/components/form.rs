//! Form parts in the GOV.UK Design System's patterns: an error summary linked to fields, and
//! inputs that show their own error beside them. Rendered on the server (the summary also by the
//! island of a checked form); the browser's check of a form, with the same shared rules and the
//! same markup, is `components::checked`.

use leptos::prelude::*;
use shared::Locale;
use shared::referral::FieldError;
use shared::referral::draft::MAX_ANSWER_LEN;

pub type Errors = Signal<Vec<FieldError>>;

pub(crate) fn message_for(errors: Errors, id: String) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || FieldError::for_field(&errors.get(), &id).map(str::to_owned)
}

/// The problems on the page, at its top, each a link to its field. It takes focus when it appears.
#[component]
pub fn ErrorSummary(errors: Errors) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let l = use_context::<Locale>().unwrap_or_default();
    Effect::new(move |before: Option<()>| {
        // Problems found just now take focus; those the page came with only if the person has
        // not already moved on (a lazy island can wake up after they started typing).
        let untouched = || document().active_element().is_none_or(|el| el.tag_name() == "BODY");
        if !errors.get().is_empty()
            && (before.is_some() || untouched())
            && let Some(summary) = node.get()
        {
            let _ = summary.focus();
        }
    });
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1" node_ref=node>
                <h2 class="error-summary__title" id="error-summary-title">{l.pick("There is a problem", "Mae problem wedi codi")}</h2>
                <ul class="error-summary__list">
                    <For
                        each=move || errors.get().into_iter().enumerate()
                        key=|(i, e)| (*i, e.field.clone(), e.message.clone())
                        let:item
                    >
                        <li>
                            <a href=format!("#{}", item.1.field) rel="external">{item.1.message}</a>
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}

/// The error beside a field (or nothing).
#[component]
pub(crate) fn ErrorMessage(errors: Errors, #[prop(into)] id: String) -> impl IntoView {
    let message = message_for(errors, id.clone());
    let error_id = format!("{id}-error");
    let prefix = use_context::<Locale>().unwrap_or_default().pick("Error: ", "Gwall: ");
    move || {
        message().map(|m| {
            view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{prefix}</span>
                    {m}
                </p>
            }
        })
    }
}

pub(crate) fn group_class(
    errors: Errors,
    id: String,
    base: &'static str,
) -> impl Fn() -> String + Send + Sync + 'static {
    let message = message_for(errors, id);
    move || if message().is_some() { format!("{base} form-group--error") } else { base.to_owned() }
}

pub(crate) fn described_by(
    errors: Errors,
    id: String,
    hint: bool,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let message = message_for(errors, id.clone());
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{id}-hint"));
        }
        if message().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The name a page's answer is posted under (`f[name]`, read back into `Fields`).
pub fn field_name(name: &str) -> String {
    format!("f[{name}]")
}

#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] value: String,
    errors: Errors,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(default = "input")] class: &'static str,
    /// Post under `name` itself rather than as a page answer (`f[name]`).
    #[prop(optional)]
    plain: bool,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let invalid = message_for(errors, id.clone());
    let post_name = if plain { name } else { field_name(&name) };
    view! {
        <div class=group_class(errors, id.clone(), "form-group")>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
            <ErrorMessage errors id=id.clone() />
            <input
                class=class
                id=id.clone()
                name=post_name
                type=kind
                maxlength=MAX_ANSWER_LEN
                value=value
                autocomplete=autocomplete
                spellcheck="false"
                aria-invalid=move || invalid().map(|_| "true")
                aria-describedby=described_by(errors, id.clone(), has_hint)
            />
        </div>
    }
}

#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] value: String,
    errors: Errors,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let invalid = message_for(errors, id.clone());
    view! {
        <div class=group_class(errors, id.clone(), "form-group")>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
            <ErrorMessage errors id=id.clone() />
            <textarea
                class="textarea"
                id=id.clone()
                maxlength=MAX_ANSWER_LEN
                name=field_name(&name)
                rows="4"
                aria-invalid=move || invalid().map(|_| "true")
                aria-describedby=described_by(errors, id.clone(), has_hint)
            >
                {value}
            </textarea>
        </div>
    }
}

/// A choice from a list (posted as a page answer, `f[name]`).
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// (value, text) pairs, in order.
    options: Vec<(String, String)>,
    #[prop(into)] value: String,
    errors: Errors,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let invalid = message_for(errors, id.clone());
    view! {
        <div class=group_class(errors, id.clone(), "form-group")>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
            <ErrorMessage errors id=id.clone() />
            <select
                class="select"
                id=id.clone()
                name=field_name(&name)
                aria-invalid=move || invalid().map(|_| "true")
                aria-describedby=described_by(errors, id.clone(), has_hint)
            >
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        let selected = v == value;
                        view! { <option value=v selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// One question answered by a choice. The first option's id is `id`, so errors link to it.
#[component]
pub fn Radios(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] value: String,
    errors: Errors,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let post_name = field_name(&name);
    let list_class = if inline { "radios radios--inline" } else { "radios" };
    view! {
        <div class=group_class(errors, id.clone(), "form-group")>
            <fieldset class="fieldset" aria-describedby=described_by(errors, id.clone(), has_hint)>
                <legend class="fieldset__legend">{legend}</legend>
                {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
                <ErrorMessage errors id=id.clone() />
                <div class=list_class>
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(i, (code, label))| {
                            let input_id = if i == 0 { id.clone() } else { format!("{id}-{}", i + 1) };
                            view! {
                                <div class="radios__item">
                                    <input
                                        class="radios__input"
                                        id=input_id.clone()
                                        name=post_name.clone()
                                        type="radio"
                                        value=code
                                        checked=value.trim() == code
                                    />
                                    <label class="label radios__label" for=input_id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// One checkbox of a [`Checkboxes`] group: (id, posted name, label, ticked).
pub type Tick = (String, &'static str, &'static str, bool);

/// Several yes/no boxes; each posts `yes` under its own name when ticked. Errors link to `id`,
/// which must be the first box's id.
#[component]
pub fn Checkboxes(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    items: Vec<Tick>,
    errors: Errors,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <div class=group_class(errors, id.clone(), "form-group")>
            <fieldset class="fieldset" aria-describedby=described_by(errors, id.clone(), has_hint)>
                <legend class="fieldset__legend">{legend}</legend>
                {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
                <ErrorMessage errors id=id.clone() />
                <div class="checkboxes">
                    {items
                        .into_iter()
                        .map(|(input_id, name, label, ticked)| {
                            view! {
                                <div class="checkboxes__item">
                                    <input
                                        class="checkboxes__input"
                                        id=input_id.clone()
                                        name=field_name(name)
                                        type="checkbox"
                                        value="yes"
                                        checked=ticked
                                    />
                                    <label class="label checkboxes__label" for=input_id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// The GOV.UK three-field date. `id` is the stem: inputs are `{id}-day`, `-month`, `-year`, and
/// errors link to `{id}-day`. `names` are the posted names of day, month and year.
#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    names: [&'static str; 3],
    #[prop(into)] legend: String,
    #[prop(into)] hint: String,
    values: [String; 3],
    errors: Errors,
    #[prop(optional)] birthday: bool,
) -> impl IntoView {
    let error_id = format!("{id}-day");
    let l = use_context::<Locale>().unwrap_or_default();
    let parts = [
        ("day", l.pick("Day", "Diwrnod"), "input input--width-2"),
        ("month", l.pick("Month", "Mis"), "input input--width-2"),
        ("year", l.pick("Year", "Blwyddyn"), "input input--width-4"),
    ];
    let autocomplete = ["bday-day", "bday-month", "bday-year"];
    view! {
        <div class=group_class(errors, error_id.clone(), "form-group")>
            <fieldset class="fieldset" role="group" aria-describedby=described_by(errors, error_id.clone(), true)>
                <legend class="fieldset__legend">{legend}</legend>
                <div class="hint" id=format!("{error_id}-hint")>{hint}</div>
                <ErrorMessage errors id=error_id.clone() />
                <div class="date-input">
                    {parts
                        .into_iter()
                        .zip(names)
                        .zip(values)
                        .zip(autocomplete)
                        .map(|((((part, label, class), name), value), auto)| {
                            let input_id = format!("{id}-{part}");
                            view! {
                                <div class="date-input__item">
                                    <label class="label date-input__label" for=input_id.clone()>{label}</label>
                                    <input
                                        class=class
                                        id=input_id
                                        name=field_name(name)
                                        type="text"
                                        inputmode="numeric"
                                        value=value
                                        autocomplete=birthday.then_some(auto)
                                    />
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}
