//! `/refer`: start a referral (`?centre={slug}` pre-selects the centre), or find a centre first.

use super::api::{CentreChoice, ChooseCentre, StartReferral, WizardError};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// What the start page needs: the centre asked for (if any) and whether a referral is open here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartView {
    pub centre: Option<CentreChoice>,
    /// The reference of the referral already open in this browser, if any.
    pub open: Option<String>,
}

#[server(endpoint = "refer/start-view")]
pub async fn load_start(#[server(default)] centre: String) -> Result<StartView, WizardError> {
    let centre = super::api::centre_choice(&centre).await?;
    let open = super::api::open_draft().await.ok().map(|(r, _)| r.to_string());
    Ok(StartView { centre, open })
}

#[component]
pub fn StartPage() -> impl IntoView {
    let query = use_query_map();
    let centre = move || query.with(|q| q.get("centre").unwrap_or_default());
    let data = Resource::new(centre, load_start);
    let start = ServerAction::<StartReferral>::new();
    let choose = ServerAction::<ChooseCentre>::new();
    view! {
        <Title text="Make a Safe Referral" />
        <h1 class="heading-xl">"Make a Safe Referral"</h1>
        <p class="lead">"Refer a family to a child contact centre, so children can spend time safely with a parent they do not live with."</p>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <super::WizardProblem error /> }.into_any(),
                };
                let centre = view.centre.clone();
                let slug = centre.as_ref().map(|c| c.slug.clone()).unwrap_or_default();
                let centre_part = match &centre {
                    Some(c) if c.accepts_online_referrals => view! {
                        <div class="inset"><p>"You are referring to "<strong>{c.name.clone()}</strong>", "{c.town.clone()}"."</p></div>
                    }
                    .into_any(),
                    Some(c) => view! {
                        <div class="inset"><p><strong>{c.name.clone()}</strong>" does not take referrals online yet. Please contact the centre, or "
                            <a href="/find-a-centre">"choose another centre"</a>"."</p></div>
                    }
                    .into_any(),
                    None => view! {
                        <p class="body">"First, "<a href="/find-a-centre">"find a centre near the children"</a>
                            " and choose “"{crate::messages::use_messages().start_referral}"” on its page. You can also start now and choose the centre later."</p>
                    }
                    .into_any(),
                };
                let can_refer = centre.as_ref().is_none_or(|c| c.accepts_online_referrals);
                let open_part = view.open.clone().map(|reference| {
                    let slug = slug.clone();
                    view! {
                        <div class="notification">
                            <p>"You have a referral in progress in this browser ("{reference}")."</p>
                            <p><a href="/refer/tasks">"Continue that referral"</a></p>
                            {(!slug.is_empty() && can_refer).then(|| view! {
                                <ActionForm action=choose>
                                    <input type="hidden" name="centre" value=slug.clone() />
                                    <button type="submit" class="button button--secondary">"Use this centre for that referral"</button>
                                </ActionForm>
                            })}
                        </div>
                    }
                });
                view! {
                    {centre_part}
                    {open_part}
                    <h2 class="heading-m">"Before you start"</h2>
                    <ul class="list list--bullet">
                        <li>"It takes about 20 minutes. Your answers are saved as you go, and you can come back later with a reference and a code."</li>
                        <li>"You will need the children's names and dates of birth, and a safe way for the centre to contact each parent."</li>
                        <li>"Addresses and contact details are never shown to the other parent unless you say so."</li>
                        <li>"If you are in danger, call 999. Press “Exit this page”, or Shift three times, to leave quickly."</li>
                    </ul>
                    {can_refer.then(|| view! {
                        <ActionForm action=start>
                            <input type="hidden" name="centre" value=slug />
                            <button type="submit" class="button button--start">"Start now"</button>
                        </ActionForm>
                    })}
                    <h2 class="heading-m">"Already started or sent a referral?"</h2>
                    <ul class="list">
                        <li><a href="/refer/resume">"Continue a saved referral"</a></li>
                        <li><a href="/refer/status">"Check the progress of a referral"</a></li>
                        <li><a href="/refer/join">"Add your part to a referral you have been invited to"</a></li>
                    </ul>
                }
                .into_any()
            })}
        </Suspense>
    }
}
