//! The page frame: skip link, header with navigation, "Exit this page" on public pages, footer
//! with the information line.

use crate::components::exit_this_page::ExitThisPage;
use crate::messages::{Catalogue, Chosen, Locale, SwitchTo, use_messages};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Path prefixes of signed-in areas; every other page is public and offers "Exit this page".
const STAFF_AREAS: [&str; 6] = ["/centre", "/admin", "/assess", "/board", "/login", "/logout"];

/// Pages that may show a code once (a referral's code to come back or to check progress, the
/// other parent's invitation, the other parent's own code on the first page of their part):
/// loading them again, as a language switch does, would not show it again, so they offer no
/// switch. The language is chosen on the pages before.
const SHOWN_ONCE: [&str; 3] = ["/refer/saved", "/refer/sent", "/refer/join/who"];

pub fn is_public_path(path: &str) -> bool {
    !STAFF_AREAS.iter().any(|area| path == *area || path.strip_prefix(area).is_some_and(|rest| rest.starts_with('/')))
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let m = use_messages();
    let location = use_location();
    let pathname = location.pathname;
    let public = move || is_public_path(&pathname.get());
    // Offered on the public pages (staff pages are in English).
    let chosen = use_context::<Chosen>().unwrap_or_default().0;
    let shown = use_context::<Locale>().unwrap_or_default();
    let switchable = move || public() && !SHOWN_ONCE.contains(&pathname.get().as_str());
    let switch = use_context::<SwitchTo>().filter(|_| switchable()).map(|to| {
        let other = chosen.other();
        view! {
            <nav class="language-switch" id="language-switch" aria-label=m.language_label>
                <a href=to.0 hreflang=other.code() lang=other.lang_tag()>{other.own_name()}</a>
            </nav>
        }
    });
    let not_yet = (public() && shown != chosen).then(|| {
        view! { <p class="notice" lang=chosen.lang_tag()>{chosen.messages().not_in_this_language}</p> }
    });
    view! {
        // rel="external" tells the client-side router to leave this in-page link to the browser,
        // which moves focus to <main>; the router would only scroll.
        <a href="#main-content" class="skip-link" rel="external">{m.skip_link}</a>
        <header class="header">
            <div class="width-container header__inner">
                <a href="/" class="header__brand">
                    <span class="header__name">{m.site_name}</span>
                    <span class="header__tagline">{m.site_tagline}</span>
                </a>
                <nav class="header__nav" aria-label=m.nav_label>
                    <ul>
                        <li><a href="/">{m.nav_home}</a></li>
                        <li><a href="/find-a-centre">{m.nav_find_centre}</a></li>
                        <li><a href="/refer">{m.nav_refer}</a></li>
                    </ul>
                </nav>
            </div>
        </header>
        <div class="width-container">
            {switch}
            {public().then(|| view! { <ExitThisPage /> })}
            <main id="main-content" class="main" tabindex="-1">
                {not_yet}
                {children()}
            </main>
        </div>
        <footer class="footer">
            <div class="width-container">
                <h2 class="heading-s">{m.footer_help_heading}</h2>
                <p>
                    {m.footer_info_line}" "
                    <a href="tel:+441159484557">{m.footer_info_line_number}</a>
                    ", "{m.footer_info_line_hours}
                </p>
                <nav aria-label=m.footer_links_label>
                    <ul class="list list--inline">
                        <li><a href="/information">{m.footer_information}</a></li>
                        <li><a href="/contact">{m.footer_contact}</a></li>
                        <li><a href="/information/accessibility">{m.footer_accessibility}</a></li>
                        <li><a href="/information/privacy">{m.footer_privacy}</a></li>
                        <li><a href="/information/cookies">{m.footer_cookies}</a></li>
                    </ul>
                </nav>
                <p class="footer__copyright">{m.footer_copyright}</p>
            </div>
        </footer>
        <HydrationMark />
    }
}

/// Last on the page, so hydrated last: islands are hydrated in document order, each waited for
/// (a lazy one once its code has loaded). It marks `<main>` so tests can wait for a live page.
#[island]
fn HydrationMark() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(main) = document().get_element_by_id("main-content") {
            let _ = main.set_attribute("data-hydrated", "true");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::is_public_path;

    #[test]
    fn staff_areas_are_not_public() {
        for path in ["/", "/find-a-centre", "/centres/abc", "/refer", "/refer/status", "/centrex"] {
            assert!(is_public_path(path), "{path}");
        }
        for path in ["/centre", "/centre/referrals", "/admin/users", "/board", "/login"] {
            assert!(!is_public_path(path), "{path}");
        }
    }
}
