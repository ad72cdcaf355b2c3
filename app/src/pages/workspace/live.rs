//! Live inbox: with JavaScript, the page listens to `/centre/referrals/events` (server-sent
//! events, gloo-net's `EventSource`) and bumps a counter on each `changed`, on which the inbox's
//! island fetches the page again. Without JavaScript the page is simply reloaded.

use leptos::prelude::*;

/// A counter that goes up whenever the centre's referrals change (only in the browser).
pub fn changes() -> RwSignal<u32> {
    let version = RwSignal::new(0u32);
    #[cfg(feature = "hydrate")]
    listen(version);
    version
}

#[cfg(feature = "hydrate")]
fn listen(version: RwSignal<u32>) {
    use futures_util::StreamExt;
    let Ok(mut source) = gloo_net::eventsource::futures::EventSource::new("/centre/referrals/events") else {
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
