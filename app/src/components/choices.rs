//! A question answered by choosing among options known only at run time (the questions NACCC
//! adds to a return): radios, or checkboxes when several may be chosen. The same GOV.UK markup
//! as `form::Radios` and `form::Checkboxes`, whose options are fixed in the code.

use super::form::{ErrorMessage, Errors, described_by, field_name, group_class};
use leptos::prelude::*;

/// One option: its input's id, the name it posts under (as a page answer, `f[name]`), the value
/// it sends, its label, and whether it is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub name: String,
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

/// Errors link to `id`, which must be the first option's id.
#[component]
pub fn Choices(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    /// Checkboxes (any number chosen) rather than radios (one).
    several: bool,
    options: Vec<Choice>,
    errors: Errors,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let (list, item, input_class, label_class, kind) = if several {
        ("checkboxes", "checkboxes__item", "checkboxes__input", "label checkboxes__label", "checkbox")
    } else {
        ("radios", "radios__item", "radios__input", "label radios__label", "radio")
    };
    view! {
        <div class=group_class(errors, id.clone(), "form-group")>
            <fieldset class="fieldset" aria-describedby=described_by(errors, id.clone(), has_hint)>
                <legend class="fieldset__legend">{legend}</legend>
                {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
                <ErrorMessage errors id=id.clone() />
                <div class=list>
                    {options
                        .into_iter()
                        .map(|c| {
                            view! {
                                <div class=item>
                                    <input class=input_class id=c.id.clone() name=field_name(&c.name) type=kind value=c.value checked=c.chosen />
                                    <label class=label_class for=c.id>{c.label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}
