//! Forms checked in the browser before they are sent. The form itself is server-rendered HTML
//! (it works without JavaScript, and its code never ships as wasm); an island around it runs the
//! shared rules when a button marked `data-check` sends it. With problems, the send is stopped
//! and they are shown at once: in the error summary (rendered by the island) and beside each
//! field, in the same markup the server renders. Without problems, the form posts as usual and
//! the server checks everything again.

use crate::components::form::ErrorSummary;
use leptos::prelude::*;
use shared::Locale;
use shared::referral::{FieldError, Fields};

/// What a checked form's island renders: the error summary (the server's problems at first),
/// then the server-rendered form. `check` gets the form's page answers (`f[…]`) and all its
/// fields by name. Problems are shown in `locale`, the page's language (an island does not see
/// the page's context, so it is told).
pub fn checked_form(
    initial: Vec<FieldError>,
    locale: Locale,
    check: impl Fn(&Fields, &Fields) -> Vec<FieldError> + 'static,
    children: Children,
) -> impl IntoView {
    provide_context(locale);
    let shown = RwSignal::new(initial);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            let Some((form, answers, all)) = checked_fields(&event) else { return };
            let errors = FieldError::in_locale(check(&answers, &all), locale);
            if errors.is_empty() {
                return;
            }
            event.prevent_default();
            mark_fields(&form, &errors, locale);
            shown.set(errors);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&event, &check);
    };
    view! {
        <div class="checked-form" on:submit=on_submit>
            <ErrorSummary errors=shown.into() />
            {children()}
        </div>
    }
}

/// The form sent, its page answers and all its fields; `None` when the button that sent it
/// does not ask for a check (such as "Save and come back later").
#[cfg(feature = "hydrate")]
fn checked_fields(event: &leptos::ev::SubmitEvent) -> Option<(web_sys::HtmlFormElement, Fields, Fields)> {
    use wasm_bindgen::JsCast;
    if !event.submitter()?.has_attribute("data-check") {
        return None;
    }
    let form: web_sys::HtmlFormElement = event.target()?.dyn_into().ok()?;
    let data = web_sys::FormData::new_with_form(&form).ok()?;
    let (mut answers, mut all) = (Fields::new(), Fields::new());
    for entry in js_sys::try_iter(&data).ok()??.flatten() {
        let pair: js_sys::Array = entry.dyn_into().ok()?;
        let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else { continue };
        if let Some(answer) = name.strip_prefix("f[").and_then(|n| n.strip_suffix(']')) {
            answers.insert(answer.to_owned(), value.clone());
        }
        all.insert(name, value);
    }
    Some((form, answers, all))
}

/// Shows `errors` beside their fields as the server's form components do, after taking away
/// whatever problems were shown before (the summary now lists only these).
#[cfg(feature = "hydrate")]
fn mark_fields(form: &web_sys::HtmlFormElement, errors: &[FieldError], locale: Locale) {
    let document = document();
    let each = |selector: &str, f: &dyn Fn(web_sys::Element)| {
        if let Ok(list) = document.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                {
                    f(el);
                }
            }
        }
    };
    each(".checked-form .error-message", &|el| el.remove());
    each(".checked-form .form-group--error", &|el| {
        let _ = el.class_list().remove_1("form-group--error");
    });
    each(".checked-form [aria-invalid]", &|el| {
        let _ = el.remove_attribute("aria-invalid");
    });
    each(".checked-form [aria-describedby]", &|el| {
        let kept: Vec<String> = el
            .get_attribute("aria-describedby")
            .unwrap_or_default()
            .split_whitespace()
            .filter(|id| !id.ends_with("-error"))
            .map(str::to_owned)
            .collect();
        let _ = if kept.is_empty() {
            el.remove_attribute("aria-describedby")
        } else {
            el.set_attribute("aria-describedby", &kept.join(" "))
        };
    });
    let mut done = std::collections::HashSet::new();
    for error in errors {
        if !done.insert(error.field.clone()) {
            continue;
        }
        let Some(control) = document.get_element_by_id(&error.field) else { continue };
        let Ok(Some(group)) = control.closest(".form-group") else { continue };
        if !form.contains(Some(&group)) {
            continue;
        }
        let _ = group.class_list().add_1("form-group--error");
        let error_id = format!("{}-error", error.field);
        // A question of several boxes (radios, ticks, a date) is described as a whole; a text
        // box that only stands in a group of others (a fieldset of figures) is its own question.
        let fieldset = control
            .closest(".radios, .checkboxes, .date-input")
            .ok()
            .flatten()
            .and_then(|_| control.closest(".fieldset").ok().flatten());
        let described = fieldset.clone().unwrap_or_else(|| control.clone());
        let ids = described.get_attribute("aria-describedby").unwrap_or_default();
        let _ = described.set_attribute("aria-describedby", format!("{ids} {error_id}").trim());
        if fieldset.is_none() {
            let _ = control.set_attribute("aria-invalid", "true");
        }
        let anchor = control.closest(".radios, .checkboxes, .date-input").ok().flatten().unwrap_or(control);
        let (Ok(message), Ok(prefix)) = (document.create_element("p"), document.create_element("span")) else {
            continue;
        };
        message.set_class_name("error-message");
        message.set_id(&error_id);
        prefix.set_class_name("visually-hidden");
        prefix.set_text_content(Some(locale.pick("Error: ", "Gwall: ")));
        let _ = message.append_child(&prefix);
        let _ = message.append_with_str_1(&error.message);
        if let Some(parent) = anchor.parent_node() {
            let _ = parent.insert_before(&message, Some(&anchor));
        }
    }
}
