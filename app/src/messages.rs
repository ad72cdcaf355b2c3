//! The one typed catalogue of user-facing text on public pages.
//!
//! Every language is a value of [`Messages`]: the compiler refuses a language that misses a message,
//! so adding Welsh later means adding one `const CY: Messages` and nothing needs hunting.
//! Text follows GOV.UK style: plain English, short sentences, sentence case.

use leptos::prelude::*;
use shared::{AccreditationStatus, IsoDate, Nation, ServiceType, Weekday, search::SearchError};

/// Languages the public pages can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    English,
}

impl Locale {
    pub fn lang_tag(self) -> &'static str {
        match self {
            Self::English => "en-GB",
        }
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Self::English => &EN,
        }
    }
}

/// The messages of the current page's language (English unless a `Locale` is in context).
pub fn use_messages() -> &'static Messages {
    use_context::<Locale>().unwrap_or_default().messages()
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

pub const EN: Messages = Messages {
    site_name: "NACCC Contact Hub",
    site_tagline: "National Association of Child Contact Centres",
    skip_link: "Skip to main content",
    nav_label: "Main",
    nav_home: "Home",
    nav_find_centre: "Find a centre",
    nav_refer: "Make a referral",
    nav_staff_sign_in: "Staff sign in",
    footer_help_heading: "Get help",
    footer_info_line: "NACCC information line:",
    footer_info_line_number: "0115 948 4557",
    footer_info_line_hours: "9am to 1pm, Monday to Friday",
    footer_copyright: "© National Association of Child Contact Centres",
    footer_links_label: "Information and support",
    footer_information: "Information for families",
    footer_contact: "Contact us",
    footer_accessibility: "Accessibility",
    footer_privacy: "Privacy",
    footer_cookies: "Cookies",
    exit_this_page: "Exit this page",
    exit_this_page_hint: "Or press the Shift key 3 times to leave this page quickly",
    exit_this_page_loading: "Loading.",
    home_title: "Keep children in touch with both parents, safely",
    home_lead: "Child contact centres are safe, friendly places where children of separated families can spend time with the parent they do not live with.",
    home_what_heading: "What a child contact centre is",
    home_what_body: "There are about 340 accredited centres in England, Wales, Northern Ireland and the Channel Islands. Most are run by trained volunteers in places like church halls and family centres.",
    home_supported_heading: "Supported contact",
    home_supported_body: "Several families use one room, with centre workers nearby. This is for families where there are no serious risks to the child.",
    home_supervised_heading: "Supervised contact",
    home_supervised_body: "One family at a time, watched closely by trained staff. This is for children who have been harmed, or are at risk of harm.",
    home_find_button: "Find a centre",
    home_safety_heading: "If you are in danger",
    home_safety_body: "Call 999 if you or a child are in immediate danger. Use the Exit this page button at the top of the page to leave this site quickly.",
    find_title: "Find a child contact centre",
    find_lead: "Search for a centre near you by postcode, or by town or centre name.",
    centre_count: |n| match n {
        1 => "1 centre".to_owned(),
        n => format!("{n} centres"),
    },
    col_town: "Town",
    col_services: "Services",
    col_online: "Online referrals",
    col_open: "Open",
    yes: "Yes",
    no: "No",
    loading: "Loading centres…",
    service_type: |s| match s {
        ServiceType::Supported => "Supported",
        ServiceType::Supervised => "Supervised",
        ServiceType::SupportedAndSupervised => "Supported and supervised",
        ServiceType::Candidate => "Candidate (not yet accredited)",
    },
    nation: |n| match n {
        Nation::England => "England",
        Nation::Wales => "Wales",
        Nation::NorthernIreland => "Northern Ireland",
        Nation::ChannelIslands => "Channel Islands",
    },
    weekday_short: |d| match d {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    },
    search_label: "Find a centre",
    postcode_label: "Postcode",
    postcode_hint: "For example, NG1 5FW. The first part, like NG1, is enough.",
    text_label: "Or town or centre name",
    text_hint: "For example, Nottingham",
    service_legend: "Type of contact",
    service_any: "Any",
    service_supported: "Supported contact",
    service_supervised: "Supervised contact",
    more_filters_legend: "Only show centres that",
    online_label: "take referrals online",
    wheelchair_label: "are wheelchair accessible",
    day_label: "Open on",
    day_any: "Any day",
    search_button: "Search",
    error_summary_title: "There is a problem",
    error_prefix: "Error:",
    search_error: |e| match e {
        SearchError::InvalidPostcode => "Enter a real postcode, like NG1 5FW",
        SearchError::PostcodeTooLong => "Postcode must be 8 characters or fewer, like NG1 5FW",
        SearchError::TextTooLong => "Town or centre name must be 100 characters or fewer",
        SearchError::UnknownPostcode => "We could not find that postcode",
    },
    unknown_postcode_help: "Check the postcode, or search by town or centre name instead.",
    search_by_name_instead: "Search by town or centre name",
    nearest_to: |postcode| format!("nearest to {postcode} first"),
    miles_away: |miles| {
        if miles < 0.1 { "less than 0.1 miles away".to_owned() } else { format!("{miles:.1} miles away") }
    },
    no_results: "No centres match your search. Try fewer filters, or a nearby town.",
    pagination_label: "Results pages",
    previous_page: "Previous page",
    next_page: "Next page",
    page_of: |page, pages| format!("Page {page} of {pages}"),
    location_unknown: "Distance not known",
    attribution: "Postcode locations contain OS data © Crown copyright and database right.",
    map_attribution: "Maps drawn from Natural Earth (public domain).",
    map_heading: "Map of these centres",
    map_summary: |shown, place, others| {
        let mut words = format!(
            "The map shows the {shown} centre{} listed above, numbered as in the list",
            if shown == 1 { "" } else { "s" }
        );
        if let Some(place) = place {
            words.push_str(&format!(", and {place} as a red diamond"));
        }
        if others > 0 {
            words.push_str(&format!(". Small grey dots are the {others} other matching centres on other pages"));
        }
        words.push_str(". The list above has the same centres, with their distances.");
        words
    },
    centre_map_summary: |town, nation| format!("Map showing where the centre is: in {town}, {nation}."),
    weekday_long: |d| match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    },
    centre_services: "Contact offered",
    centre_address: "Address",
    centre_opening_times: "Opening times",
    centre_by_arrangement: "By arrangement: call the centre",
    centre_accessibility: "Accessibility",
    centre_wheelchair_yes: "Wheelchair accessible.",
    centre_wheelchair_no: "Not wheelchair accessible.",
    centre_languages: "Languages",
    centre_online: "Online referrals",
    centre_accreditation: "NACCC accreditation",
    centre_last_accredited: "Last accredited",
    centre_renewal_due: "Next renewal due",
    centre_about: "About this centre",
    start_referral: "Start a referral to this centre",
    no_online_referrals: "This centre does not take referrals online yet. Call the NACCC information line and we will help you refer.",
    back_to_search: "Back to search",
    accreditation_status: |s| match s {
        AccreditationStatus::Accredited => "Accredited",
        AccreditationStatus::AccreditedWithConditions => "Accredited with conditions",
        AccreditationStatus::Candidate => "Candidate: working towards accreditation",
        AccreditationStatus::Suspended => "Suspended",
    },
    date_long: |d| {
        let date = d.date();
        format!("{} {} {}", date.day(), date.month(), date.year())
    },
    session_hours: |opens, closes| format!("{opens} to {closes}"),
    not_found_title: "Page not found",
    not_found_body: "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.",
    not_found_home_link: "Go to the home page",
    error_title: "Sorry, there is a problem with the service",
    error_body: "Try again later. Nothing you typed has been lost.",
    error_unavailable: "The service is not available right now. Try again in a few minutes.",
};
