//! The public information pages: `/information` lists them, `/information/{slug}` shows one
//! (`content.rs` holds their words). Server-rendered text and links only: no code in the browser.

pub mod content;

use content::{Block, InfoPage};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The pages in the reader's language.
pub fn pages() -> &'static [InfoPage] {
    content::EN
}

/// One page by its address.
pub fn page(slug: &str) -> Option<&'static InfoPage> {
    pages().iter().find(|p| p.slug == slug)
}

/// How long a closed case's personal data is kept, as this server is configured (the retention
/// job's setting); the information pages say it in words.
fn kept_words() -> String {
    #[cfg(feature = "ssr")]
    if let Ok(ports) = crate::ports::use_ports() {
        return ports.kept_after_closing.words();
    }
    String::new()
}

/// A paragraph's words with the lifetimes the server enforces filled in.
pub fn fill(text: &str, kept: &str) -> String {
    text.replace("{draft}", &shared::durations::DRAFT.words())
        .replace("{idle}", &shared::durations::PUBLIC_SESSION_IDLE.words())
        .replace("{kept}", kept)
}

#[component]
pub fn InformationPage() -> impl IntoView {
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
        <Title text="Information for families" />
        <h1 class="heading-xl">"Information for families"</h1>
        <p class="lead">"What child contact centres are, how referral works, and what to expect."</p>
        <div id="information-pages">{items}</div>
        <p class="body">"Cannot find what you need? "<a href="/contact">"Send us a message"</a>" or call the information line."</p>
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
    let kept = kept_words();
    let blocks = page
        .blocks
        .iter()
        .map(|block| match *block {
            Block::Heading(text) => view! { <h2 class="heading-m">{text}</h2> }.into_any(),
            Block::Para(text) => view! { <p class="body">{fill(text, &kept)}</p> }.into_any(),
            Block::List(items) => {
                let items = items.iter().map(|i| view! { <li>{fill(i, &kept)}</li> }).collect_view();
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
        <a href="/information" class="back-link">"Information for families"</a>
        <h1 class="heading-xl">{page.title}</h1>
        <p class="lead">{page.summary}</p>
        {blocks}
        <nav aria-labelledby="more-information">
            <h2 class="heading-s" id="more-information">"More information"</h2>
            <ul class="list list--bullet">{others}</ul>
        </nav>
    }
}
