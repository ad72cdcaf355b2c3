//! The one typed catalogue of user-facing text on public pages.
//!
//! Every language is a value of [`Messages`]: the compiler refuses a language that misses a message,
//! so adding Welsh later means adding one `const CY: Messages` and nothing needs hunting.
//! Text follows GOV.UK style: plain English, short sentences, sentence case.

use leptos::prelude::*;
use shared::{Nation, ServiceType, Weekday};

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
    pub nav_staff_sign_in: &'static str,
    pub footer_help_heading: &'static str,
    pub footer_info_line: &'static str,
    pub footer_info_line_number: &'static str,
    pub footer_info_line_hours: &'static str,
    pub footer_copyright: &'static str,
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
    pub col_centre: &'static str,
    pub col_town: &'static str,
    pub col_nation: &'static str,
    pub col_services: &'static str,
    pub col_online: &'static str,
    pub col_open: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub loading: &'static str,
    pub service_type: fn(ServiceType) -> &'static str,
    pub nation: fn(Nation) -> &'static str,
    pub weekday_short: fn(Weekday) -> &'static str,
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
    nav_staff_sign_in: "Staff sign in",
    footer_help_heading: "Get help",
    footer_info_line: "NACCC information line:",
    footer_info_line_number: "0115 948 4557",
    footer_info_line_hours: "9am to 1pm, Monday to Friday",
    footer_copyright: "© National Association of Child Contact Centres",
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
    find_lead: "Every accredited centre and candidate member of NACCC. Search by postcode is coming soon.",
    centre_count: |n| match n {
        1 => "1 centre".to_owned(),
        n => format!("{n} centres"),
    },
    col_centre: "Centre",
    col_town: "Town",
    col_nation: "Nation",
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
    not_found_title: "Page not found",
    not_found_body: "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.",
    not_found_home_link: "Go to the home page",
    error_title: "Sorry, there is a problem with the service",
    error_body: "Try again later. Nothing you typed has been lost.",
    error_unavailable: "The service is not available right now. Try again in a few minutes.",
};
