//! The public information pages: `/information` lists them, `/information/{slug}` shows one
//! (`content.rs` holds their words in English, `content_cy.rs` in Welsh). Server-rendered text and
//! links only: no code in the browser.

pub mod content;
pub mod content_cy;

use crate::messages::{Locale, use_locale};
use content::{Block, InfoPage};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The pages in the reader's language (the page's language, from its context).
pub fn pages() -> &'static [InfoPage] {
    pages_in(use_locale())
}

/// The pages in `locale`: the same pages, at the same addresses, in each language.
pub fn pages_in(locale: Locale) -> &'static [InfoPage] {
    match locale {
        Locale::English => content::EN,
        Locale::Welsh => content_cy::CY,
    }
}

/// One page by its address.
pub fn page(slug: &str) -> Option<&'static InfoPage> {
    pages().iter().find(|p| p.slug == slug)
}

/// How long a closed case's personal data is kept, as this server is configured (the retention
/// job's setting); the information pages say it in words, in `locale`.
fn kept_words(locale: Locale) -> String {
    #[cfg(feature = "ssr")]
    if let Ok(ports) = crate::ports::use_ports() {
        return ports.kept_after_closing.words_in(locale);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = locale;
    String::new()
}

/// A paragraph's words with the lifetimes the server enforces filled in, in `locale` (`kept`,
/// from [`kept_words`], already in it).
pub fn fill(text: &str, kept: &str, locale: Locale) -> String {
    text.replace("{draft}", &shared::durations::DRAFT.words_in(locale))
        .replace("{idle}", &shared::durations::PUBLIC_SESSION_IDLE.words_in(locale))
        .replace("{kept}", kept)
}

#[component]
pub fn InformationPage() -> impl IntoView {
    let l = use_locale();
    let items = pages()
        .iter()
        .map(|p| {
            view! {
                <h2 class="heading-m"><a href=format!("/information/{}", p.slug)>{p.title}</a></h2>
                <p class="body">{p.summary}</p>
            }
        })
        .collect_view();
    view! {
        <Title text=l.pick("Information for families", "Gwybodaeth i deuluoedd") />
        <h1 class="heading-xl">{l.pick("Information for families", "Gwybodaeth i deuluoedd")}</h1>
        <p class="lead">
            {l.pick(
                "What child contact centres are, how referral works, and what to expect.",
                "Beth yw canolfannau cyswllt plant, sut mae atgyfeirio'n gweithio, a beth i'w ddisgwyl.",
            )}
        </p>
        <div id="information-pages">{items}</div>
        <p class="body">
            {l.pick("Cannot find what you need? ", "Methu dod o hyd i'r hyn sydd ei angen arnoch chi? ")}
            <a href="/contact">{l.pick("Send us a message", "Anfonwch neges aton ni")}</a>
            {l.pick(" or call the information line.", " neu ffoniwch y llinell wybodaeth.")}
        </p>
    }
}

#[component]
pub fn InformationPageBySlug() -> impl IntoView {
    let params = use_params_map();
    let slug = params.with_untracked(|p| p.get("slug").unwrap_or_default());
    match page(&slug) {
        Some(p) => view! { <InfoPageView page=p /> }.into_any(),
        None => view! { <crate::pages::error::NotFoundPage /> }.into_any(),
    }
}

#[component]
fn InfoPageView(page: &'static InfoPage) -> impl IntoView {
    let l = use_locale();
    let kept = kept_words(l);
    let blocks = page
        .blocks
        .iter()
        .map(|block| match *block {
            Block::Heading(text) => view! { <h2 class="heading-m">{text}</h2> }.into_any(),
            Block::Para(text) => view! { <p class="body">{fill(text, &kept, l)}</p> }.into_any(),
            Block::List(items) => {
                let items = items.iter().map(|i| view! { <li>{fill(i, &kept, l)}</li> }).collect_view();
                view! { <ul class="list list--bullet">{items}</ul> }.into_any()
            }
            Block::Link(href, text) => view! { <p class="body"><a href=href>{text}</a></p> }.into_any(),
        })
        .collect_view();
    let others = pages()
        .iter()
        .filter(|p| p.slug != page.slug)
        .map(|p| view! { <li><a href=format!("/information/{}", p.slug)>{p.title}</a></li> })
        .collect_view();
    view! {
        <Title text=page.title />
        <a href="/information" class="back-link">{l.pick("Information for families", "Gwybodaeth i deuluoedd")}</a>
        <h1 class="heading-xl">{page.title}</h1>
        <p class="lead">{page.summary}</p>
        {blocks}
        <nav aria-labelledby="more-information">
            <h2 class="heading-s" id="more-information">{l.pick("More information", "Rhagor o wybodaeth")}</h2>
            <ul class="list list--bullet">{others}</ul>
        </nav>
    }
}
