//! Live parts of a centre's pages (the inbox, the dashboard) and the board's: with JavaScript, the
//! page listens to `/centre/referrals/events` (on `/board…`, `/board/events`: server-sent events,
//! gloo-net's `EventSource`) and, on each
//! `changed`, fetches its own address again (with `live=1`, which does not count as the person
//! being there) and swaps in the named regions as the server renders them now. Without
//! JavaScript the page is simply reloaded.

use leptos::prelude::*;

/// A counter that goes up whenever the centre's referrals change (only in the browser).
fn changes() -> RwSignal<u32> {
    let version = RwSignal::new(0u32);
    #[cfg(feature = "hydrate")]
    listen(version);
    version
}

#[cfg(feature = "hydrate")]
fn listen(version: RwSignal<u32>) {
    use futures_util::StreamExt;
    // Chosen here, in the lazily loaded part, rather than by a prop: a prop's reading would sit
    // in the wasm every page loads.
    let on_board = window().location().pathname().is_ok_and(|p| p == "/board" || p.starts_with("/board/"));
    let events = if on_board { "/board/events" } else { "/centre/referrals/events" };
    let Ok(mut source) = gloo_net::eventsource::futures::EventSource::new(events) else {
        return;
    };
    let Ok(mut changed) = source.subscribe("changed") else { return };
    leptos::task::spawn_local(async move {
        while let Some(Ok(_)) = changed.next().await {
            // Once the page has gone, stop listening (dropping the source closes the stream).
            if version.try_update(|v| *v = v.wrapping_add(1)).is_none() {
                break;
            }
        }
        source.close();
    });
}

/// A lazy island (its code loads only on the pages that have one) around server-rendered
/// content: on news of the centre's referrals it swaps in `regions` (element ids) from the page
/// fetched again. Whatever lies between the regions (filters, anything typed) is left alone. A
/// "Pause live updates" button (shown only once the island runs: without JavaScript nothing
/// updates by itself) holds the page still; on resuming it catches up at once.
#[island(lazy)]
pub fn LiveRegions(regions: Vec<String>, children: Children) -> impl IntoView {
    let news = changes();
    let paused = RwSignal::new(false);
    let running = RwSignal::new(false);
    // The news version the page shows (0: as served).
    let shown = StoredValue::new(0u32);
    Effect::new(move |_| {
        running.set(true);
        let version = news.get();
        if paused.get() || version == shown.get_value() {
            return;
        }
        #[cfg(feature = "hydrate")]
        {
            let regions = regions.clone();
            leptos::task::spawn_local(async move {
                let location = window().location();
                let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else { return };
                let url = format!("{path}{}{}live=1", search, if search.is_empty() { "?" } else { "&" });
                let page = crate::components::swap::fetch_page(&url).await;
                // News came again, or the person paused, while this was on its way: leave it.
                if news.get_untracked() != version || paused.get_untracked() {
                    return;
                }
                let ids: Vec<&str> = regions.iter().map(String::as_str).collect();
                if page.is_some_and(|page| crate::components::swap::swap_regions(&page, &ids)) {
                    shown.set_value(version);
                } else {
                    // Signed out, or the page is not what it was: let the browser show it.
                    let _ = location.reload();
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &regions;
    });
    view! {
        <p class="live-controls" hidden=move || !running.get()>
            <button
                type="button"
                class="button button--secondary live-controls__button"
                aria-pressed=move || if paused.get() { "true" } else { "false" }
                on:click=move |_| paused.update(|p| *p = !*p)
            >
                "Pause live updates"
            </button>
        </p>
        {children()}
    }
}
