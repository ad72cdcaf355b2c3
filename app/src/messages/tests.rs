//! Every message in English and Welsh; the languages' codes; the pages written in Welsh.
use super::{CY, EN, Messages, is_translated_path};
use shared::{AccreditationStatus, Nation, ServiceType, Weekday, search::SearchError};

/// Every message of a language as text (the functions' at sample values), by name. The
/// pattern names every field: a message added to `Messages` and not here does not compile.
fn texts(m: &Messages) -> Vec<(&'static str, String)> {
    let Messages {
        site_name,
        site_tagline,
        skip_link,
        nav_label,
        nav_home,
        nav_find_centre,
        nav_refer,
        nav_staff_sign_in,
        language_label,
        not_in_this_language,
        footer_help_heading,
        footer_info_line,
        footer_info_line_number,
        footer_info_line_hours,
        footer_copyright,
        footer_links_label,
        footer_information,
        footer_contact,
        footer_accessibility,
        footer_privacy,
        footer_cookies,
        exit_this_page,
        exit_this_page_prefix,
        exit_this_page_hint,
        exit_this_page_loading,
        home_title,
        home_lead,
        home_what_heading,
        home_what_body,
        home_supported_heading,
        home_supported_body,
        home_supervised_heading,
        home_supervised_body,
        home_find_button,
        home_safety_heading,
        home_safety_body,
        find_title,
        find_lead,
        centre_count,
        col_town,
        col_services,
        col_online,
        col_open,
        yes,
        no,
        loading,
        service_type,
        nation,
        weekday_short,
        search_label,
        postcode_label,
        postcode_hint,
        text_label,
        text_hint,
        service_legend,
        service_any,
        service_supported,
        service_supervised,
        more_filters_legend,
        online_label,
        wheelchair_label,
        day_label,
        day_any,
        search_button,
        error_summary_title,
        error_prefix,
        search_error,
        unknown_postcode_help,
        search_by_name_instead,
        nearest_to,
        miles_away,
        no_results,
        pagination_label,
        previous_page,
        next_page,
        page_of,
        location_unknown,
        attribution,
        map_attribution,
        map_heading,
        map_summary,
        centre_map_summary,
        weekday_long,
        centre_services,
        centre_address,
        centre_opening_times,
        centre_by_arrangement,
        centre_accessibility,
        centre_wheelchair_yes,
        centre_wheelchair_no,
        centre_languages,
        centre_online,
        centre_accreditation,
        centre_last_accredited,
        centre_renewal_due,
        centre_about,
        start_referral,
        no_online_referrals,
        back_to_search,
        accreditation_status,
        date_long,
        session_hours,
        not_found_title,
        not_found_body,
        not_found_home_link,
        error_title,
        error_body,
        error_unavailable,
    } = m;
    let _ = (
        centre_count,
        service_type,
        nation,
        weekday_short,
        search_error,
        nearest_to,
        miles_away,
        page_of,
        map_summary,
        centre_map_summary,
        weekday_long,
        accreditation_status,
        date_long,
        session_hours,
    );
    let mut out: Vec<(&'static str, String)> = vec![
        ("site_name", site_name.to_string()),
        ("site_tagline", site_tagline.to_string()),
        ("skip_link", skip_link.to_string()),
        ("nav_label", nav_label.to_string()),
        ("nav_home", nav_home.to_string()),
        ("nav_find_centre", nav_find_centre.to_string()),
        ("nav_refer", nav_refer.to_string()),
        ("nav_staff_sign_in", nav_staff_sign_in.to_string()),
        ("language_label", language_label.to_string()),
        ("not_in_this_language", not_in_this_language.to_string()),
        ("footer_help_heading", footer_help_heading.to_string()),
        ("footer_info_line", footer_info_line.to_string()),
        ("footer_info_line_number", footer_info_line_number.to_string()),
        ("footer_info_line_hours", footer_info_line_hours.to_string()),
        ("footer_copyright", footer_copyright.to_string()),
        ("footer_links_label", footer_links_label.to_string()),
        ("footer_information", footer_information.to_string()),
        ("footer_contact", footer_contact.to_string()),
        ("footer_accessibility", footer_accessibility.to_string()),
        ("footer_privacy", footer_privacy.to_string()),
        ("footer_cookies", footer_cookies.to_string()),
        ("exit_this_page", exit_this_page.to_string()),
        ("exit_this_page_prefix", exit_this_page_prefix.to_string()),
        ("exit_this_page_hint", exit_this_page_hint.to_string()),
        ("exit_this_page_loading", exit_this_page_loading.to_string()),
        ("home_title", home_title.to_string()),
        ("home_lead", home_lead.to_string()),
        ("home_what_heading", home_what_heading.to_string()),
        ("home_what_body", home_what_body.to_string()),
        ("home_supported_heading", home_supported_heading.to_string()),
        ("home_supported_body", home_supported_body.to_string()),
        ("home_supervised_heading", home_supervised_heading.to_string()),
        ("home_supervised_body", home_supervised_body.to_string()),
        ("home_find_button", home_find_button.to_string()),
        ("home_safety_heading", home_safety_heading.to_string()),
        ("home_safety_body", home_safety_body.to_string()),
        ("find_title", find_title.to_string()),
        ("find_lead", find_lead.to_string()),
        ("col_town", col_town.to_string()),
        ("col_services", col_services.to_string()),
        ("col_online", col_online.to_string()),
        ("col_open", col_open.to_string()),
        ("yes", yes.to_string()),
        ("no", no.to_string()),
        ("loading", loading.to_string()),
        ("search_label", search_label.to_string()),
        ("postcode_label", postcode_label.to_string()),
        ("postcode_hint", postcode_hint.to_string()),
        ("text_label", text_label.to_string()),
        ("text_hint", text_hint.to_string()),
        ("service_legend", service_legend.to_string()),
        ("service_any", service_any.to_string()),
        ("service_supported", service_supported.to_string()),
        ("service_supervised", service_supervised.to_string()),
        ("more_filters_legend", more_filters_legend.to_string()),
        ("online_label", online_label.to_string()),
        ("wheelchair_label", wheelchair_label.to_string()),
        ("day_label", day_label.to_string()),
        ("day_any", day_any.to_string()),
        ("search_button", search_button.to_string()),
        ("error_summary_title", error_summary_title.to_string()),
        ("error_prefix", error_prefix.to_string()),
        ("unknown_postcode_help", unknown_postcode_help.to_string()),
        ("search_by_name_instead", search_by_name_instead.to_string()),
        ("no_results", no_results.to_string()),
        ("pagination_label", pagination_label.to_string()),
        ("previous_page", previous_page.to_string()),
        ("next_page", next_page.to_string()),
        ("location_unknown", location_unknown.to_string()),
        ("attribution", attribution.to_string()),
        ("map_attribution", map_attribution.to_string()),
        ("map_heading", map_heading.to_string()),
        ("centre_services", centre_services.to_string()),
        ("centre_address", centre_address.to_string()),
        ("centre_opening_times", centre_opening_times.to_string()),
        ("centre_by_arrangement", centre_by_arrangement.to_string()),
        ("centre_accessibility", centre_accessibility.to_string()),
        ("centre_wheelchair_yes", centre_wheelchair_yes.to_string()),
        ("centre_wheelchair_no", centre_wheelchair_no.to_string()),
        ("centre_languages", centre_languages.to_string()),
        ("centre_online", centre_online.to_string()),
        ("centre_accreditation", centre_accreditation.to_string()),
        ("centre_last_accredited", centre_last_accredited.to_string()),
        ("centre_renewal_due", centre_renewal_due.to_string()),
        ("centre_about", centre_about.to_string()),
        ("start_referral", start_referral.to_string()),
        ("no_online_referrals", no_online_referrals.to_string()),
        ("back_to_search", back_to_search.to_string()),
        ("not_found_title", not_found_title.to_string()),
        ("not_found_body", not_found_body.to_string()),
        ("not_found_home_link", not_found_home_link.to_string()),
        ("error_title", error_title.to_string()),
        ("error_body", error_body.to_string()),
        ("error_unavailable", error_unavailable.to_string()),
    ];
    out.push(("centre_count", (m.centre_count)(1)));
    out.push(("centre_count", (m.centre_count)(5)));
    for s in
        [ServiceType::Supported, ServiceType::Supervised, ServiceType::SupportedAndSupervised, ServiceType::Candidate]
    {
        out.push(("service_type", (m.service_type)(s).to_owned()));
    }
    for n in [Nation::England, Nation::Wales, Nation::NorthernIreland, Nation::ChannelIslands] {
        out.push(("nation", (m.nation)(n).to_owned()));
    }
    for d in WEEK {
        out.push(("weekday_short", (m.weekday_short)(d).to_owned()));
    }
    for e in [
        SearchError::InvalidPostcode,
        SearchError::PostcodeTooLong,
        SearchError::TextTooLong,
        SearchError::UnknownPostcode,
    ] {
        out.push(("search_error", (m.search_error)(e).to_owned()));
    }
    out.push(("nearest_to", (m.nearest_to)("CF10 1EP")));
    out.push(("miles_away", (m.miles_away)(0.05)));
    out.push(("miles_away", (m.miles_away)(2.0)));
    out.push(("page_of", (m.page_of)(1, 2)));
    out.push(("map_summary", (m.map_summary)(1, Some("CF10 1EP"), 3)));
    out.push(("map_summary", (m.map_summary)(10, None, 0)));
    out.push(("centre_map_summary", (m.centre_map_summary)("Cardiff", "Wales")));
    for d in WEEK {
        out.push(("weekday_long", (m.weekday_long)(d).to_owned()));
    }
    for a in [
        AccreditationStatus::Accredited,
        AccreditationStatus::AccreditedWithConditions,
        AccreditationStatus::Candidate,
        AccreditationStatus::Suspended,
    ] {
        out.push(("accreditation_status", (m.accreditation_status)(a).to_owned()));
    }
    out.push(("date_long", (m.date_long)(shared::IsoDate::parse("2026-02-01").unwrap())));
    out.push(("session_hours", (m.session_hours)("10:00", "12:00")));
    out
}

const WEEK: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// Messages the same in both languages on purpose (a telephone number).
const THE_SAME: [&str; 1] = ["footer_info_line_number"];

#[test]
fn every_message_has_english_and_welsh_text() {
    let (en, cy) = (texts(&EN), texts(&CY));
    assert_eq!(en.len(), cy.len());
    for ((name, en), (_, cy)) in en.iter().zip(&cy) {
        assert!(!en.trim().is_empty(), "{name} has no English");
        assert!(!cy.trim().is_empty(), "{name} has no Welsh");
        if !THE_SAME.contains(name) {
            assert_ne!(en, cy, "{name} is not in Welsh");
        }
    }
}

#[test]
fn the_public_pages_written_in_welsh() {
    let welsh = [
        "/",
        "/find-a-centre",
        "/centres/cardiff-family-contact",
        "/refer",
        "/refer/safety",
        "/refer/join/check",
        "/information",
        "/information/costs",
        "/contact",
        "/contact/sent",
    ];
    for path in welsh {
        assert!(is_translated_path(path), "{path}");
    }
    for path in ["/referrals", "/centres/", "/admin/messages", "/informationx", "/board", "/find-a-centre/x", "/centre"]
    {
        assert!(!is_translated_path(path), "{path}");
    }
}

/// The public pages' fixed words are written beside their Welsh as `l.pick("…", "…")`: the compiler
/// asks for both, and this reads every such pair in the source to check the Welsh is written and
/// is not the English left in by mistake.
#[test]
fn every_fixed_word_of_the_public_pages_has_welsh() {
    // Names that are the same in both languages.
    const SAME: [&str; 3] = ["Cafcass", "Cafcass Cymru", "NACCC"];
    let mut pairs = 0;
    // This crate's folder as cargo gives it when running the test, before the one the binary was
    // built in: a build cache shared by two checkouts can hold a binary built in the other.
    let root = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")), std::path::PathBuf::from);
    for dir in ["src/pages/refer", "src/pages/info", "src/pages/contact", "src/components"] {
        let path = root.join(dir);
        for entry in std::fs::read_dir(&path).unwrap() {
            let file = entry.unwrap().path();
            let source = std::fs::read_to_string(&file).unwrap();
            for (english, welsh) in picked_pairs(&source) {
                pairs += 1;
                let at = format!("{}: {english:?}", file.display());
                assert!(!welsh.trim().is_empty(), "no Welsh for {at}");
                assert!(welsh != english || SAME.contains(&english.as_str()), "Welsh left in English: {at}");
            }
        }
    }
    assert!(pairs > 250, "only {pairs} pairs found: has the pattern changed?");
}

/// Each `.pick("english", "welsh")` whose two arguments are string literals.
fn picked_pairs(source: &str) -> Vec<(String, String)> {
    fn literal(text: &str) -> Option<(String, &str)> {
        let rest = text.trim_start().strip_prefix('"')?;
        let mut value = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, next)) = chars.next()
                        && next != '\n'
                    {
                        value.push(next);
                    }
                }
                '"' => return Some((value, &rest[i + 1..])),
                c => value.push(c),
            }
        }
        None
    }
    let mut pairs = Vec::new();
    for (at, _) in source.match_indices(".pick(") {
        let Some((english, rest)) = literal(&source[at + 6..]) else { continue };
        let Some(rest) = rest.trim_start().strip_prefix(',') else { continue };
        if let Some((welsh, _)) = literal(rest) {
            pairs.push((english, welsh));
        }
    }
    pairs
}
