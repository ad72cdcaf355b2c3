//! `/refer`: start a referral (`?centre={slug}` pre-selects the centre), or find a centre first.

use super::api::{CentreChoice, ChooseCentre, StartReferral, WizardError};
use crate::messages::use_locale;
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
    let l = use_locale();
    let title = l.pick("Make a Safe Referral", "Gwneud Atgyfeiriad Diogel");
    view! {
        <Title text=title />
        <h1 class="heading-xl">{title}</h1>
        <p class="lead">
            {l.pick(
                "Refer a family to a child contact centre, so children can spend time safely with a parent they do not live with.",
                "Atgyfeiriwch deulu i ganolfan cyswllt plant, fel y gall plant dreulio amser yn ddiogel gyda rhiant nad ydyn nhw'n byw gydag ef neu hi."
            )}
        </p>
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <super::WizardProblem error /> }.into_any(),
                };
                let centre = view.centre.clone();
                let slug = centre.as_ref().map(|c| c.slug.clone()).unwrap_or_default();
                let centre_part = match &centre {
                    Some(c) if c.accepts_online_referrals => view! {
                        <div class="inset"><p>{l.pick("You are referring to ", "Rydych chi'n atgyfeirio i ")}<strong>{c.name.clone()}</strong>", "{c.town.clone()}"."</p></div>
                    }
                    .into_any(),
                    Some(c) => view! {
                        <div class="inset"><p>{l.pick("", "Nid yw ")}<strong>{c.name.clone()}</strong>
                            {l.pick(
                                " does not take referrals online yet. Please contact the centre, or ",
                                " yn derbyn atgyfeiriadau ar-lein eto. Cysylltwch â'r ganolfan, neu "
                            )}
                            <a href="/find-a-centre">{l.pick("choose another centre", "dewiswch ganolfan arall")}</a>"."</p></div>
                    }
                    .into_any(),
                    None => view! {
                        <p class="body">{l.pick("First, ", "Yn gyntaf, ")}
                            <a href="/find-a-centre">{l.pick("find a centre near the children", "dewch o hyd i ganolfan yn agos at y plant")}</a>
                            {l.pick(" and choose “", " a dewiswch “")}{crate::messages::use_messages().start_referral}
                            {l.pick(
                                "” on its page. You can also start now and choose the centre later.",
                                "” ar ei thudalen. Gallwch chi hefyd ddechrau nawr a dewis y ganolfan yn nes ymlaen."
                            )}</p>
                    }
                    .into_any(),
                };
                let can_refer = centre.as_ref().is_none_or(|c| c.accepts_online_referrals);
                let open_part = view.open.clone().map(|reference| {
                    let slug = slug.clone();
                    view! {
                        <div class="notification">
                            <p>{l.pick("You have a referral in progress in this browser (", "Mae gennych chi atgyfeiriad ar waith yn y porwr hwn (")}{reference}")."</p>
                            <p><a href="/refer/tasks">{l.pick("Continue that referral", "Parhau â'r atgyfeiriad hwnnw")}</a></p>
                            {(!slug.is_empty() && can_refer).then(|| view! {
                                <ActionForm action=choose>
                                    <input type="hidden" name="centre" value=slug.clone() />
                                    <button type="submit" class="button button--secondary">
                                        {l.pick("Use this centre for that referral", "Defnyddio'r ganolfan hon ar gyfer yr atgyfeiriad hwnnw")}
                                    </button>
                                </ActionForm>
                            })}
                        </div>
                    }
                });
                view! {
                    {centre_part}
                    {open_part}
                    <h2 class="heading-m">{l.pick("Before you start", "Cyn i chi ddechrau")}</h2>
                    <ul class="list list--bullet">
                        <li>{l.pick(
                            "It takes about 20 minutes. Your answers are saved as you go, and you can come back later with a reference and a code.",
                            "Mae'n cymryd tua 20 munud. Caiff eich atebion eu cadw wrth i chi fynd, a gallwch chi ddod yn ôl yn nes ymlaen gyda chyfeirnod a chod."
                        )}</li>
                        <li>{l.pick(
                            "You will need the children's names and dates of birth, and a safe way for the centre to contact each parent.",
                            "Bydd angen enwau a dyddiadau geni'r plant arnoch chi, a ffordd ddiogel i'r ganolfan gysylltu â phob rhiant."
                        )}</li>
                        <li>{l.pick(
                            "Addresses and contact details are never shown to the other parent unless you say so.",
                            "Dydyn ni byth yn dangos cyfeiriadau na manylion cyswllt i'r rhiant arall heb eich caniatâd chi."
                        )}</li>
                        <li>{l.pick(
                            "If you are in danger, call 999. Press “Exit this page”, or Shift three times, to leave quickly.",
                            "Os ydych chi mewn perygl, ffoniwch 999. Pwyswch “Gadael y dudalen hon”, neu'r fysell Shift 3 gwaith, i adael yn gyflym."
                        )}</li>
                    </ul>
                    {can_refer.then(|| view! {
                        <ActionForm action=start>
                            <input type="hidden" name="centre" value=slug />
                            <button type="submit" class="button button--start">{l.pick("Start now", "Dechrau nawr")}</button>
                        </ActionForm>
                    })}
                    <h2 class="heading-m">{l.pick("Already started or sent a referral?", "Wedi dechrau neu anfon atgyfeiriad yn barod?")}</h2>
                    <ul class="list">
                        <li><a href="/refer/resume">{l.pick("Continue a saved referral", "Parhau ag atgyfeiriad sydd wedi'i gadw")}</a></li>
                        <li><a href="/refer/status">{l.pick("Check the progress of a referral", "Gwirio cynnydd atgyfeiriad")}</a></li>
                        <li>
                            <a href="/refer/join">
                                {l.pick(
                                    "Add your part to a referral you have been invited to",
                                    "Ychwanegu eich rhan at atgyfeiriad rydych chi wedi cael gwahoddiad iddo"
                                )}
                            </a>
                        </li>
                    </ul>
                }
                .into_any()
            })}
        </Suspense>
    }
}
