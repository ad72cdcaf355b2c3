//! The search form of `/find-a-centre`: the two text fields (each with its own problem), the
//! filters, the error summary, and the help shown for a postcode we cannot place.

use crate::messages::use_messages;
use leptos::prelude::*;
use shared::Weekday;
use shared::search::{SearchError, SearchField, SearchParams};

pub(super) fn field_id(field: SearchField) -> &'static str {
    match field {
        SearchField::Postcode => "postcode",
        SearchField::Text => "q",
    }
}

#[component]
pub(super) fn ErrorSummary(errors: Vec<SearchError>) -> impl IntoView {
    let m = use_messages();
    {
        let list = errors;
        (!list.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">{m.error_summary_title}</h2>
                    <ul class="error-summary__list">
                        {list
                            .into_iter()
                            .map(|e| {
                                let href = format!("#{}", field_id(e.field()));
                                // rel="external": the browser, not the router, follows it and focuses the field.
                                view! { <li><a href=href rel="external">{(m.search_error)(e)}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
pub(super) fn SearchForm(params: SearchParams, errors: Vec<SearchError>) -> impl IntoView {
    let m = use_messages();
    let error_for = |field: SearchField| errors.iter().copied().find(|e| e.field() == field);
    let service = params.service.clone().unwrap_or_default();
    let day = params.day.clone().unwrap_or_default();
    let online = params.online.as_deref() == Some("yes");
    let wheelchair = params.access.as_deref() == Some("wheelchair");

    view! {
        <form method="get" action="/find-a-centre" class="search-form" role="search" aria-label=m.search_label novalidate>
            <TextField id="postcode" label=m.postcode_label hint=m.postcode_hint value=params.postcode.clone().unwrap_or_default() error=error_for(SearchField::Postcode) autocomplete="postal-code" width_class="input--width-10" />
            <TextField id="q" label=m.text_label hint=m.text_hint value=params.q.clone().unwrap_or_default() error=error_for(SearchField::Text) autocomplete="off" width_class="input--width-20" />
            <fieldset class="form-group fieldset">
                <legend class="fieldset__legend">{m.service_legend}</legend>
                <div class="radios radios--inline">
                    {[("", m.service_any, "service-any"), ("supported", m.service_supported, "service-supported"), ("supervised", m.service_supervised, "service-supervised")]
                        .into_iter()
                        .map(|(code, label, id)| {
                            let checked = service == code || (code.is_empty() && !matches!(service.as_str(), "supported" | "supervised"));
                            view! {
                                <div class="radios__item">
                                    <input class="radios__input" type="radio" id=id name="service" value=code checked=checked />
                                    <label class="radios__label" for=id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <fieldset class="form-group fieldset">
                <legend class="fieldset__legend">{m.more_filters_legend}</legend>
                <div class="checkboxes">
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" type="checkbox" id="online" name="online" value="yes" checked=online />
                        <label class="checkboxes__label" for="online">{m.online_label}</label>
                    </div>
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" type="checkbox" id="access" name="access" value="wheelchair" checked=wheelchair />
                        <label class="checkboxes__label" for="access">{m.wheelchair_label}</label>
                    </div>
                </div>
            </fieldset>
            <div class="form-group">
                <label class="label" for="day">{m.day_label}</label>
                <select class="select" id="day" name="day">
                    <option value="" selected=Weekday::from_code(&day).is_err()>{m.day_any}</option>
                    {Weekday::ALL
                        .into_iter()
                        .map(|d| {
                            let selected = day == d.code();
                            view! { <option value=d.code() selected=selected>{(m.weekday_long)(d)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{m.search_button}</button>
        </form>
    }
}

#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: String,
    error: Option<SearchError>,
    autocomplete: &'static str,
    width_class: &'static str,
) -> impl IntoView {
    let m = use_messages();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = if error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    view! {
        <div class=if error.is_some() { "form-group form-group--error" } else { "form-group" } id=format!("{id}-group")>
            <label class="label" for=id>{label}</label>
            <div class="hint" id=hint_id>{hint}</div>
            {error.map(|e| view! {
                <p class="error-message" id=error_id>
                    <span class="visually-hidden">{m.error_prefix}" "</span>{(m.search_error)(e)}
                </p>
            })}
            <input
                class=format!("input {width_class}{}", if error.is_some() { " input--error" } else { "" })
                id=id
                name=id
                type="text"
                spellcheck="false"
                autocomplete=autocomplete
                aria-describedby=described_by
                value=value
            />
        </div>
    }
}

#[component]
pub(super) fn UnknownPostcode(shown: bool) -> impl IntoView {
    let m = use_messages();
    shown.then(|| {
        view! {
            <div class="notice notice--warning" role="status">
                <h2 class="heading-m">{(m.search_error)(SearchError::UnknownPostcode)}</h2>
                <p>{m.unknown_postcode_help}</p>
                <p><a href="#q" rel="external">{m.search_by_name_instead}</a></p>
            </div>
        }
    })
}
