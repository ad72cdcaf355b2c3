//! "Exit this page", after the GOV.UK component: one press, or Shift three times, replaces this
//! page with a neutral site. Without JavaScript it is a plain link that still leaves the page.

use leptos::prelude::*;

/// Where an exit goes: a busy, neutral site that gives nothing away (GOV.UK uses the same).
pub const NEUTRAL_SITE: &str = "https://www.bbc.co.uk/weather";

/// Three Shift presses within this many milliseconds trigger an exit (as GOV.UK's component).
#[cfg(any(feature = "hydrate", test))]
const SHIFT_WINDOW_MS: f64 = 5_000.0;

/// The button in the page's language, rendered on the server; the island around it adds only
/// behaviour, so the browser's code carries neither a catalogue of messages nor the code to
/// read words sent with the page.
#[component]
pub fn ExitThisPage() -> impl IntoView {
    let m = crate::messages::use_messages();
    view! {
        <ExitShortcut>
            <aside class="exit-this-page" aria-label=m.exit_this_page>
                <a
                    href=NEUTRAL_SITE
                    class="button button--warning exit-this-page__button"
                    role="button"
                    rel="nofollow noreferrer"
                >
                    <span class="visually-hidden">{m.exit_this_page_prefix}" "</span>
                    {m.exit_this_page}
                </a>
                // Its place is kept from the start (hidden until the shortcut works), so showing
                // it moves nothing on the page.
                <p class="exit-this-page__hint exit-this-page__hint--waiting">{m.exit_this_page_hint}</p>
            </aside>
            <div class="exit-this-page__overlay" role="alert" hidden>{m.exit_this_page_loading}</div>
        </ExitShortcut>
    }
}

/// With JavaScript: the button leaves at once (blanking the page first), three presses of Shift
/// do the same, and the hint saying so is shown.
#[island]
fn ExitShortcut(children: Children) -> impl IntoView {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        enhance();
    });
    children()
}

#[cfg(feature = "hydrate")]
fn enhance() {
    use wasm_bindgen::JsCast;
    let all = |selector: &str| document().query_selector_all(selector).ok();
    if let Some(hints) = all(".exit-this-page__hint") {
        for i in 0..hints.length() {
            if let Some(hint) = hints.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = hint.class_list().remove_1("exit-this-page__hint--waiting");
            }
        }
    }
    let click = window_event_listener(leptos::ev::click, move |event| {
        let on_button = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".exit-this-page__button").ok().flatten())
            .is_some();
        if on_button {
            event.prevent_default();
            exit_now();
        }
    });
    let presses = StoredValue::new(ShiftPresses::default());
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let is_shift = event.key() == "Shift";
        if is_shift && event.repeat() {
            return;
        }
        let mut state = presses.get_value();
        if state.record(is_shift, event.time_stamp()) {
            exit_now();
        }
        presses.set_value(state);
    });
    on_cleanup(move || {
        click.remove();
        keys.remove();
    });
}

/// Counts Shift presses; any other key starts the count again.
#[cfg(any(feature = "hydrate", test))]
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct ShiftPresses {
    count: u8,
    first_at_ms: f64,
}

#[cfg(any(feature = "hydrate", test))]
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

#[cfg(feature = "hydrate")]
fn exit_now() {
    // Blank the page at once, end the session on the server (a beacon survives leaving the page,
    // so an open referral cannot be reopened from this browser without its code), then replace
    // the page so the back button does not return here.
    if let Ok(Some(overlay)) = document().query_selector(".exit-this-page__overlay") {
        let _ = overlay.remove_attribute("hidden");
    }
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
