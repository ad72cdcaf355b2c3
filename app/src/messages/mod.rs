//! The one typed catalogue of user-facing text on public pages.
//!
//! Every language is a value of [`Messages`] (`en.rs`, `cy.rs`): the compiler refuses a language
//! that misses a message. Text follows GOV.UK style: plain English, short sentences, sentence case.
//! The language is chosen per request (`?lang=cy`, then remembered in a cookie) and given to the
//! page as a context value, never held anywhere shared between requests.

mod cy;
mod en;

pub use cy::CY;
pub use en::EN;

use leptos::prelude::*;
use shared::{AccreditationStatus, IsoDate, Nation, ServiceType, Weekday, search::SearchError};

pub use shared::Locale;

/// Each language's catalogue (the language itself is `shared`'s: its rules' messages are
/// written in both too).
pub trait Catalogue {
    fn messages(self) -> &'static Messages;
}

impl Catalogue for Locale {
    fn messages(self) -> &'static Messages {
        match self {
            Locale::English => &EN,
            Locale::Welsh => &CY,
        }
    }
}

/// The language a person chose (the page may not be written in it yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Chosen(pub Locale);

/// Where the language switch leads: this address in the other language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitchTo(pub String);

/// Pages written in Welsh as well as English: the public side (the home page, find a centre, the
/// centre pages, the referral wizard, the information pages and the contact form). Staff and
/// board pages are shown in English, saying so in the language chosen.
pub fn is_translated_path(path: &str) -> bool {
    let under = |area: &str| path == area || path.strip_prefix(area).is_some_and(|rest| rest.starts_with('/'));
    path == "/"
        || path == "/find-a-centre"
        || path.strip_prefix("/centres/").is_some_and(|slug| !slug.is_empty())
        || under("/refer")
        || under("/information")
        || path == "/contact"
        || path == "/contact/sent"
}

/// The current page's language (English unless a `Locale` is in context).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The messages of the current page's language.
pub fn use_messages() -> &'static Messages {
    use_locale().messages()
}

pub struct Messages {
    // Shell
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub skip_link: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_find_centre: &'static str,
    pub nav_refer: &'static str,
    pub nav_staff_sign_in: &'static str,
    /// The language switch's name (a navigation landmark).
    pub language_label: &'static str,
    /// On a page not yet written in the language chosen.
    pub not_in_this_language: &'static str,
    pub footer_help_heading: &'static str,
    pub footer_info_line: &'static str,
    pub footer_info_line_number: &'static str,
    pub footer_info_line_hours: &'static str,
    pub footer_copyright: &'static str,
    pub footer_links_label: &'static str,
    pub footer_information: &'static str,
    pub footer_contact: &'static str,
    pub footer_accessibility: &'static str,
    pub footer_privacy: &'static str,
    pub footer_cookies: &'static str,
    pub exit_this_page: &'static str,
    /// Said before the button's name to screen readers ("Emergency Exit this page").
    pub exit_this_page_prefix: &'static str,
    pub exit_this_page_hint: &'static str,
    pub exit_this_page_loading: &'static str,
    // Home
    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub home_what_heading: &'static str,
    pub home_what_body: &'static str,
    pub home_supported_heading: &'static str,
    pub home_supported_body: &'static str,
    pub home_supervised_heading: &'static str,
    pub home_supervised_body: &'static str,
    pub home_find_button: &'static str,
    pub home_safety_heading: &'static str,
    pub home_safety_body: &'static str,
    // Find a centre
    pub find_title: &'static str,
    pub find_lead: &'static str,
    pub centre_count: fn(usize) -> String,
    pub col_town: &'static str,
    pub col_services: &'static str,
    pub col_online: &'static str,
    pub col_open: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub loading: &'static str,
    pub service_type: fn(ServiceType) -> &'static str,
    pub nation: fn(Nation) -> &'static str,
    pub weekday_short: fn(Weekday) -> &'static str,
    // Search
    pub search_label: &'static str,
    pub postcode_label: &'static str,
    pub postcode_hint: &'static str,
    pub text_label: &'static str,
    pub text_hint: &'static str,
    pub service_legend: &'static str,
    pub service_any: &'static str,
    pub service_supported: &'static str,
    pub service_supervised: &'static str,
    pub more_filters_legend: &'static str,
    pub online_label: &'static str,
    pub wheelchair_label: &'static str,
    pub day_label: &'static str,
    pub day_any: &'static str,
    pub search_button: &'static str,
    pub error_summary_title: &'static str,
    pub error_prefix: &'static str,
    pub search_error: fn(SearchError) -> &'static str,
    pub unknown_postcode_help: &'static str,
    pub search_by_name_instead: &'static str,
    pub nearest_to: fn(&str) -> String,
    pub miles_away: fn(f64) -> String,
    pub no_results: &'static str,
    pub pagination_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_of: fn(usize, usize) -> String,
    pub location_unknown: &'static str,
    pub attribution: &'static str,
    pub map_attribution: &'static str,
    pub map_heading: &'static str,
    /// (centres numbered on the map, the place searched for, other matching centres shown)
    pub map_summary: fn(usize, Option<&str>, usize) -> String,
    /// (town, nation)
    pub centre_map_summary: fn(&str, &str) -> String,
    pub weekday_long: fn(Weekday) -> &'static str,
    // Centre page
    pub centre_services: &'static str,
    pub centre_address: &'static str,
    pub centre_opening_times: &'static str,
    pub centre_by_arrangement: &'static str,
    pub centre_accessibility: &'static str,
    pub centre_wheelchair_yes: &'static str,
    pub centre_wheelchair_no: &'static str,
    pub centre_languages: &'static str,
    pub centre_online: &'static str,
    pub centre_accreditation: &'static str,
    pub centre_last_accredited: &'static str,
    pub centre_renewal_due: &'static str,
    pub centre_about: &'static str,
    pub start_referral: &'static str,
    pub no_online_referrals: &'static str,
    pub back_to_search: &'static str,
    pub accreditation_status: fn(AccreditationStatus) -> &'static str,
    pub date_long: fn(IsoDate) -> String,
    pub session_hours: fn(&str, &str) -> String,
    // Errors
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub not_found_home_link: &'static str,
    pub error_title: &'static str,
    pub error_body: &'static str,
    pub error_unavailable: &'static str,
}

#[cfg(test)]
mod tests;
