//! The public pages in Welsh. Every message of [`Messages`] must be here (the compiler says
//! which is missing); a test checks none is empty or left in English by mistake.
//! Written for this product; NACCC's Welsh translator should review it before it goes live.

use super::Messages;
use shared::{AccreditationStatus, Nation, ServiceType, Weekday, search::SearchError};

const MONTHS: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

/// "canolfan" after a number stays singular in Welsh ("5 canolfan").
fn centres(n: usize) -> String {
    if n == 1 { "1 ganolfan".to_owned() } else { format!("{n} canolfan") }
}

pub const CY: Messages = Messages {
    site_name: "Hyb Cyswllt NACCC",
    site_tagline: "Cymdeithas Genedlaethol y Canolfannau Cyswllt Plant",
    skip_link: "Neidio i'r prif gynnwys",
    nav_label: "Prif",
    nav_home: "Hafan",
    nav_find_centre: "Dod o hyd i ganolfan",
    nav_refer: "Gwneud atgyfeiriad",
    nav_staff_sign_in: "Mewngofnodi staff",
    language_label: "Iaith",
    not_in_this_language: "Nid yw'r dudalen hon ar gael yn Gymraeg eto. Mae'r atebion a gadwyd gennych yn dal yn ddiogel.",
    footer_help_heading: "Cael help",
    footer_info_line: "Llinell wybodaeth NACCC:",
    footer_info_line_number: "0115 948 4557",
    footer_info_line_hours: "9yb i 1yp, dydd Llun i ddydd Gwener",
    footer_copyright: "© Cymdeithas Genedlaethol y Canolfannau Cyswllt Plant",
    footer_links_label: "Gwybodaeth a chymorth",
    footer_information: "Gwybodaeth i deuluoedd",
    footer_contact: "Cysylltu â ni",
    footer_accessibility: "Hygyrchedd",
    footer_privacy: "Preifatrwydd",
    footer_cookies: "Cwcis",
    exit_this_page: "Gadael y dudalen hon",
    exit_this_page_prefix: "Argyfwng",
    exit_this_page_hint: "Neu pwyswch y fysell Shift 3 gwaith i adael y dudalen hon yn gyflym",
    exit_this_page_loading: "Yn llwytho.",
    home_title: "Helpu plant i gadw mewn cysylltiad â'r ddau riant, yn ddiogel",
    home_lead: "Mae canolfannau cyswllt plant yn lleoedd diogel a chyfeillgar. Yno, gall plant o deuluoedd sydd wedi gwahanu dreulio amser gyda'r rhiant nad ydyn nhw'n byw gydag ef neu hi.",
    home_what_heading: "Beth yw canolfan cyswllt plant",
    home_what_body: "Mae tua 340 o ganolfannau achrededig yng Nghymru, Lloegr, Gogledd Iwerddon ac Ynysoedd y Sianel. Gwirfoddolwyr hyfforddedig sy'n rhedeg y rhan fwyaf ohonyn nhw, mewn lleoedd fel neuaddau eglwys a chanolfannau teulu.",
    home_supported_heading: "Cyswllt gyda chymorth",
    home_supported_body: "Mae sawl teulu'n defnyddio un ystafell, gyda gweithwyr y ganolfan gerllaw. Mae hyn ar gyfer teuluoedd lle nad oes risg difrifol i'r plentyn.",
    home_supervised_heading: "Cyswllt dan oruchwyliaeth",
    home_supervised_body: "Un teulu ar y tro, a staff hyfforddedig yn gwylio'n ofalus. Mae hyn ar gyfer plant sydd wedi cael niwed, neu sydd mewn perygl o gael niwed.",
    home_find_button: "Dod o hyd i ganolfan",
    home_safety_heading: "Os ydych chi mewn perygl",
    home_safety_body: "Ffoniwch 999 os ydych chi neu blentyn mewn perygl ar unwaith. Defnyddiwch y botwm Gadael y dudalen hon ar frig y dudalen i adael y wefan hon yn gyflym.",
    find_title: "Dod o hyd i ganolfan cyswllt plant",
    find_lead: "Chwiliwch am ganolfan yn agos atoch chi yn ôl cod post, neu yn ôl tref neu enw'r ganolfan.",
    centre_count: centres,
    col_town: "Tref",
    col_services: "Gwasanaethau",
    col_online: "Atgyfeiriadau ar-lein",
    col_open: "Ar agor",
    yes: "Ydy",
    no: "Nac ydy",
    loading: "Yn llwytho canolfannau…",
    service_type: |s| match s {
        ServiceType::Supported => "Gyda chymorth",
        ServiceType::Supervised => "Dan oruchwyliaeth",
        ServiceType::SupportedAndSupervised => "Gyda chymorth a dan oruchwyliaeth",
        ServiceType::Candidate => "Ymgeisydd (heb ei hachredu eto)",
    },
    nation: |n| match n {
        Nation::England => "Lloegr",
        Nation::Wales => "Cymru",
        Nation::NorthernIreland => "Gogledd Iwerddon",
        Nation::ChannelIslands => "Ynysoedd y Sianel",
    },
    weekday_short: |d| match d {
        Weekday::Mon => "Llun",
        Weekday::Tue => "Maw",
        Weekday::Wed => "Mer",
        Weekday::Thu => "Iau",
        Weekday::Fri => "Gwe",
        Weekday::Sat => "Sad",
        Weekday::Sun => "Sul",
    },
    search_label: "Dod o hyd i ganolfan",
    postcode_label: "Cod post",
    postcode_hint: "Er enghraifft, CF10 1EP. Mae'r rhan gyntaf, fel CF10, yn ddigon.",
    text_label: "Neu dref neu enw canolfan",
    text_hint: "Er enghraifft, Caerdydd",
    service_legend: "Math o gyswllt",
    service_any: "Unrhyw fath",
    service_supported: "Cyswllt gyda chymorth",
    service_supervised: "Cyswllt dan oruchwyliaeth",
    more_filters_legend: "Dangos dim ond canolfannau sy'n",
    online_label: "derbyn atgyfeiriadau ar-lein",
    wheelchair_label: "hygyrch i gadeiriau olwyn",
    day_label: "Ar agor ar",
    day_any: "Unrhyw ddiwrnod",
    search_button: "Chwilio",
    error_summary_title: "Mae problem wedi codi",
    error_prefix: "Gwall:",
    search_error: |e| match e {
        SearchError::InvalidPostcode => "Rhowch god post go iawn, fel CF10 1EP",
        SearchError::PostcodeTooLong => "Rhaid i'r cod post fod yn 8 nod neu lai, fel CF10 1EP",
        SearchError::TextTooLong => "Rhaid i'r dref neu enw'r ganolfan fod yn 100 nod neu lai",
        SearchError::UnknownPostcode => "Doedden ni ddim yn gallu dod o hyd i'r cod post hwnnw",
    },
    unknown_postcode_help: "Gwiriwch y cod post, neu chwiliwch yn ôl tref neu enw canolfan yn lle hynny.",
    search_by_name_instead: "Chwilio yn ôl tref neu enw canolfan",
    nearest_to: |postcode| format!("yr agosaf at {postcode} yn gyntaf"),
    miles_away: |miles| {
        if miles < 0.1 { "llai na 0.1 milltir i ffwrdd".to_owned() } else { format!("{miles:.1} milltir i ffwrdd") }
    },
    no_results: "Does dim canolfannau'n cyfateb i'ch chwiliad. Rhowch gynnig ar lai o hidlwyr, neu dref gyfagos.",
    pagination_label: "Tudalennau canlyniadau",
    previous_page: "Tudalen flaenorol",
    next_page: "Tudalen nesaf",
    page_of: |page, pages| format!("Tudalen {page} o {pages}"),
    location_unknown: "Pellter ddim yn hysbys",
    attribution: "Mae lleoliadau codau post yn cynnwys data OS © Hawlfraint y Goron a hawliau cronfa ddata.",
    map_attribution: "Mapiau wedi'u llunio o Natural Earth (parth cyhoeddus).",
    map_heading: "Map o'r canolfannau hyn",
    map_summary: |shown, place, others| {
        let mut words =
            format!("Mae'r map yn dangos y {} a restrir uchod, wedi'u rhifo fel yn y rhestr", centres(shown));
        if let Some(place) = place {
            words.push_str(&format!(", a {place} fel diemwnt coch"));
        }
        if others > 0 {
            words.push_str(&format!(
                ". Dotiau llwyd bach yw'r {} arall sy'n cyfateb, ar dudalennau eraill",
                centres(others)
            ));
        }
        words.push_str(". Mae'r un canolfannau yn y rhestr uchod, gyda'u pellteroedd.");
        words
    },
    centre_map_summary: |town, nation| format!("Map yn dangos lle mae'r ganolfan: yn {town}, {nation}."),
    weekday_long: |d| match d {
        Weekday::Mon => "Dydd Llun",
        Weekday::Tue => "Dydd Mawrth",
        Weekday::Wed => "Dydd Mercher",
        Weekday::Thu => "Dydd Iau",
        Weekday::Fri => "Dydd Gwener",
        Weekday::Sat => "Dydd Sadwrn",
        Weekday::Sun => "Dydd Sul",
    },
    centre_services: "Cyswllt a gynigir",
    centre_address: "Cyfeiriad",
    centre_opening_times: "Amseroedd agor",
    centre_by_arrangement: "Trwy drefniant: ffoniwch y ganolfan",
    centre_accessibility: "Hygyrchedd",
    centre_wheelchair_yes: "Hygyrch i gadeiriau olwyn.",
    centre_wheelchair_no: "Ddim yn hygyrch i gadeiriau olwyn.",
    centre_languages: "Ieithoedd",
    centre_online: "Atgyfeiriadau ar-lein",
    centre_accreditation: "Achrediad NACCC",
    centre_last_accredited: "Achredwyd ddiwethaf",
    centre_renewal_due: "Adnewyddu nesaf",
    centre_about: "Am y ganolfan hon",
    start_referral: "Dechrau atgyfeiriad i'r ganolfan hon",
    no_online_referrals: "Nid yw'r ganolfan hon yn derbyn atgyfeiriadau ar-lein eto. Ffoniwch linell wybodaeth NACCC a byddwn ni'n eich helpu i atgyfeirio.",
    back_to_search: "Yn ôl i'r chwiliad",
    accreditation_status: |s| match s {
        AccreditationStatus::Accredited => "Achrededig",
        AccreditationStatus::AccreditedWithConditions => "Achrededig gydag amodau",
        AccreditationStatus::Candidate => "Ymgeisydd: yn gweithio tuag at achrediad",
        AccreditationStatus::Suspended => "Wedi'i hatal",
    },
    date_long: |d| {
        let date = d.date();
        format!("{} {} {}", date.day(), MONTHS[usize::from(u8::from(date.month())) - 1], date.year())
    },
    session_hours: |opens, closes| format!("{opens} i {closes}"),
    not_found_title: "Heb ddod o hyd i'r dudalen",
    not_found_body: "Os gwnaethoch chi deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch chi ludo'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.",
    not_found_home_link: "Mynd i'r hafan",
    error_title: "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
    error_body: "Rhowch gynnig arall arni yn nes ymlaen. Does dim byd a deipiwyd gennych chi wedi'i golli.",
    error_unavailable: "Nid yw'r gwasanaeth ar gael ar hyn o bryd. Rhowch gynnig arall arni mewn ychydig funudau.",
};
