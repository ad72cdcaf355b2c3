//! NACCC Contact Hub user interface.
//!
//! Pages are rendered on the server (feature `ssr`) and hydrated in the browser (feature `hydrate`).
//! Server functions live next to the page that uses them and reach data only through [`ports`].

#![recursion_limit = "256"]

#[cfg(feature = "ssr")]
pub mod auth;
pub mod components;
pub mod error;
pub mod messages;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
#[cfg(feature = "ssr")]
pub mod request;

use components::layout::Layout;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};
use messages::{Locale, use_messages};

/// The language this page is shown in: the one chosen, where the page is written in it.
fn page_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        let path = use_context::<http::request::Parts>().map(|p| p.uri.path().to_owned()).unwrap_or_default();
        if messages::is_translated_path(&path) { request::chosen_locale() } else { Locale::English }
    }
    #[cfg(not(feature = "ssr"))]
    Locale::English
}
use pages::admin;
use pages::refer::{check, children, codes, join, sent, start, step, tasks};
use pages::staff::{Area, StaffHomePage};
use pages::{centre::CentrePage, error::NotFoundPage, find_centre::FindCentrePage, home::HomePage};

/// The HTML document around the app; rendered only on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = page_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.lang_tag()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#1d3c6e" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // The stylesheet's name carries its content's hash in a release build.
                <HashedStylesheet options=options.clone() id="leptos" />
                // Islands: only `#[island]` components are hydrated; the rest of the page stays HTML.
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// A page's Content-Security-Policy: scripts only from this site or carrying this response's
/// `nonce` (Leptos' inline hydration scripts), the wasm allowed to compile, nothing framed or
/// embedded. The server sets it on every HTML response, with the nonce it gave the render.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; \
         base-uri 'none'"
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(page_locale());
    #[cfg(feature = "ssr")]
    {
        let chosen = request::chosen_locale();
        request::remember_locale();
        provide_context(messages::Chosen(chosen));
        provide_context(messages::SwitchTo(request::address_in(chosen.other())));
    }
    let m = use_messages();
    view! {
        <leptos_meta::Title formatter=move |page: String| {
            if page == m.site_name { page } else { format!("{page} – {}", m.site_name) }
        } />
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    // Async: the whole page is rendered once its data is loaded, so it works
                    // without JavaScript and its status code (404, 503) is right.
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route
                        path=StaticSegment("find-a-centre")
                        view=FindCentrePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("centres"), ParamSegment("slug"))
                        view=CentrePage
                        ssr=SsrMode::Async
                    />
                    // Staff sign-in and the signed-in areas.
                    <Route path=StaticSegment("information") view=pages::info::InformationPage />
                    <Route path=(StaticSegment("information"), ParamSegment("slug")) view=pages::info::InformationPageBySlug />
                    <Route path=StaticSegment("contact") view=pages::contact::ContactPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("contact"), StaticSegment("sent")) view=pages::contact::ContactSentPage />
                    <Route path=(StaticSegment("admin"), StaticSegment("messages")) view=pages::contact::inbox::MessagesPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("login") view=pages::login::LoginPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("login"), StaticSegment("code")) view=pages::login::CodePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("login"), StaticSegment("enrol")) view=pages::login::EnrolPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("login"), StaticSegment("recovery-codes"))
                        view=pages::login::RecoveryCodesPage
                        ssr=SsrMode::Async
                    />
                    <Route path=(StaticSegment("login"), StaticSegment("forgot")) view=pages::password::ForgotPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("login"), StaticSegment("forgot"), StaticSegment("sent")) view=pages::password::ResetSentPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("login"), StaticSegment("password")) view=pages::password::PasswordPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("logout") view=pages::password::LogoutPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("centre") view=pages::dashboard::DashboardPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("centre"), StaticSegment("referrals")) view=pages::workspace::inbox::InboxPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("centre"), StaticSegment("referrals"), ParamSegment("reference")) view=pages::workspace::case::CasePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("centre"), StaticSegment("profile")) view=pages::membership::ProfilePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("centre"), StaticSegment("accreditation")) view=pages::accreditation::centre::CentreAccreditationPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("centre"), StaticSegment("accreditation"), ParamSegment("section")) view=pages::accreditation::centre::SectionPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("centre"), StaticSegment("returns")) view=pages::returns::ReturnsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("centre"), StaticSegment("returns"), ParamSegment("quarter")) view=pages::returns::ReturnPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("admin") view=|| view! { <StaffHomePage area=Area::Admin /> } ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("returns")) view=admin::returns::ChasePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("returns"), StaticSegment("questions")) view=admin::questions::QuestionsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("users")) view=admin::users::UsersPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("users"), StaticSegment("invite")) view=admin::users::InvitePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("users"), ParamSegment("id")) view=admin::account::AccountPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("audit")) view=admin::audit::AuditPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("subject-access")) view=admin::subject_access::SubjectAccessPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("outbox")) view=admin::outbox::OutboxPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("assess") view=|| view! { <StaffHomePage area=Area::Assess /> } ssr=SsrMode::Async />
                    <Route path=(StaticSegment("assess"), StaticSegment("cases")) view=pages::accreditation::assess::AssessListPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("assess"), StaticSegment("cases"), ParamSegment("id")) view=pages::accreditation::assess::AssessCasePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("accreditation")) view=pages::accreditation::admin::OverviewPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("centres")) view=pages::membership::CentresPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("safeguarding")) view=pages::safeguarding::RequestsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("safeguarding"), ParamSegment("id")) view=pages::safeguarding::LeadCasePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("accreditation"), StaticSegment("cases"), ParamSegment("id")) view=pages::accreditation::admin::AdminCasePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("board") view=pages::board::BoardPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("board"), StaticSegment("pack")) view=pages::board::BoardPackPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("board"), StaticSegment("objectives"), ParamSegment("n")) view=pages::board::ObjectivePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("board")) view=pages::board::registers::RegistersPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("admin"), StaticSegment("exports")) view=pages::board::exports::ExportsPage ssr=SsrMode::Async />
                    // The Safe Referral wizard: fixed pages first, then the question pages by slug.
                    <Route path=StaticSegment("refer") view=start::StartPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("tasks")) view=tasks::TasksPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("check")) view=check::CheckPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("supervised")) view=check::SupervisedPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("saved")) view=codes::SavedPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("sent")) view=sent::SentPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("resume")) view=codes::ResumePage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("status")) view=codes::StatusPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("join")) view=codes::JoinStartPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("refer"), StaticSegment("children")) view=children::ChildrenPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("refer"), StaticSegment("children"), ParamSegment("n"))
                        view=children::ChildPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("refer"), StaticSegment("join"), StaticSegment("check"))
                        view=join::JoinCheckPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("refer"), StaticSegment("join"), StaticSegment("sent"))
                        view=join::JoinSentPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("refer"), StaticSegment("join"), ParamSegment("step"))
                        view=join::JoinStepPage
                        ssr=SsrMode::Async
                    />
                    <Route path=(StaticSegment("refer"), ParamSegment("step")) view=step::StepPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

/// The browser entry point: attaches the app to the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
