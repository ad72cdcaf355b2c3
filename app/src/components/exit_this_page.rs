//! "Exit this page", after the GOV.UK component: one press, or Shift three times, replaces this
//! page with a neutral site. Without JavaScript it is a plain link that still leaves the page.

use leptos::prelude::*;

/// Where an exit goes: a busy, neutral site that gives nothing away (GOV.UK uses the same).
pub const NEUTRAL_SITE: &str = "https://www.bbc.co.uk/weather";

/// Three Shift presses within this many milliseconds trigger an exit (as GOV.UK's component).
const SHIFT_WINDOW_MS: f64 = 5_000.0;

/// The button in the page's language. Its words are the island's props, sent with the page, so
/// the browser's code carries no catalogue of messages.
#[component]
pub fn ExitThisPage() -> impl IntoView {
    let m = crate::messages::use_messages();
    view! {
        <ExitButton
            label=m.exit_this_page.to_owned()
            prefix=m.exit_this_page_prefix.to_owned()
            hint=m.exit_this_page_hint.to_owned()
            loading=m.exit_this_page_loading.to_owned()
        />
    }
}

#[island]
fn ExitButton(label: String, prefix: String, hint: String, loading: String) -> impl IntoView {
    let exiting = RwSignal::new(false);
    // True once hydrated: the keyboard shortcut only exists with JavaScript, so only then say so.
    let enhanced = RwSignal::new(false);

    Effect::new(move |_| {
        enhanced.set(true);
        let presses = StoredValue::new(ShiftPresses::default());
        let handle = window_event_listener(leptos::ev::keydown, move |event| {
            let is_shift = event.key() == "Shift";
            if is_shift && event.repeat() {
                return;
            }
            let mut state = presses.get_value();
            if state.record(is_shift, event.time_stamp()) {
                exit_now(exiting);
            }
            presses.set_value(state);
        });
        on_cleanup(move || handle.remove());
    });

    let name = label.clone();
    view! {
        <aside class="exit-this-page" aria-label=name>
            <a
                href=NEUTRAL_SITE
                class="button button--warning exit-this-page__button"
                role="button"
                rel="nofollow noreferrer"
                on:click=move |event| {
                    event.prevent_default();
                    exit_now(exiting);
                }
            >
                <span class="visually-hidden">{prefix}" "</span>
                {label}
            </a>
            // Its place is kept from the start (hidden until the shortcut works), so showing it
            // moves nothing on the page.
            <p class="exit-this-page__hint" class:exit-this-page__hint--waiting=move || !enhanced.get()>
                {hint}
            </p>
        </aside>
        <Show when=move || exiting.get()>
            <div class="exit-this-page__overlay" role="alert">{loading.clone()}</div>
        </Show>
    }
}

/// Counts Shift presses; any other key starts the count again.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct ShiftPresses {
    count: u8,
    first_at_ms: f64,
}

impl ShiftPresses {
    /// Records a key press and says whether it completes the exit gesture.
    fn record(&mut self, is_shift: bool, at_ms: f64) -> bool {
        if !is_shift {
            *self = Self::default();
            return false;
        }
        if self.count == 0 || at_ms - self.first_at_ms > SHIFT_WINDOW_MS {
            *self = Self { count: 1, first_at_ms: at_ms };
            return false;
        }
        self.count += 1;
        if self.count >= 3 {
            *self = Self::default();
            return true;
        }
        false
    }
}

fn exit_now(exiting: RwSignal<bool>) {
    // Blank the page at once, end the session on the server (a beacon survives leaving the page,
    // so an open referral cannot be reopened from this browser without its code), then replace
    // the page so the back button does not return here.
    exiting.set(true);
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().send_beacon("/exit");
        let _ = window.location().replace(NEUTRAL_SITE);
    }
}

#[cfg(test)]
mod tests {
    use super::ShiftPresses;

    #[test]
    fn three_shifts_within_five_seconds_exit() {
        let mut p = ShiftPresses::default();
        assert!(!p.record(true, 0.0));
        assert!(!p.record(true, 1000.0));
        assert!(p.record(true, 4900.0));
    }

    #[test]
    fn slow_shifts_or_other_keys_start_again() {
        let mut p = ShiftPresses::default();
        assert!(!p.record(true, 0.0));
        assert!(!p.record(true, 1000.0));
        assert!(!p.record(true, 6000.0)); // too late: this is a new first press
        assert!(!p.record(true, 6500.0));
        assert!(!p.record(false, 6600.0)); // typing a letter resets
        assert!(!p.record(true, 6700.0));
        assert!(!p.record(true, 6800.0));
        assert!(p.record(true, 6900.0));
    }
}
