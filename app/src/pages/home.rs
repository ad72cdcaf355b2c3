//! `/`: what a child contact centre is, and the way in to finding one.

use crate::messages::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let m = use_messages();
    view! {
        <Title text=m.site_name />
        <h1 class="heading-xl">{m.home_title}</h1>
        <p class="lead">{m.home_lead}</p>
        <a class="button button--start" href="/find-a-centre" role="button" draggable="false">
            {m.home_find_button}
        </a>
        <h2 class="heading-l">{m.home_what_heading}</h2>
        <p>{m.home_what_body}</p>
        <div class="columns">
            <section class="card" aria-labelledby="supported-heading">
                <h3 class="heading-m" id="supported-heading">{m.home_supported_heading}</h3>
                <p>{m.home_supported_body}</p>
            </section>
            <section class="card" aria-labelledby="supervised-heading">
                <h3 class="heading-m" id="supervised-heading">{m.home_supervised_heading}</h3>
                <p>{m.home_supervised_body}</p>
            </section>
        </div>
        <div class="notice notice--warning">
            <h2 class="heading-m">{m.home_safety_heading}</h2>
            <p>{m.home_safety_body}</p>
        </div>
    }
}
