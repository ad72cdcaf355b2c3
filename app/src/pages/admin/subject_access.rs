//! `/admin/subject-access`: a NACCC administrator answers a parent's subject access request for a
//! referral: that parent's data, with the other party's address, contact details and answers
//! withheld. A GET form (reference, which parent); each export is audit-logged.

use super::{AdminError, AdminProblem};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "admin/subject-access")]
pub async fn load_export(
    #[server(default)] reference: String,
    #[server(default)] requester: String,
) -> Result<Option<String>, AdminError> {
    let by = super::admin().await?;
    let (Ok(reference), Some(requester)) = (
        shared::referral::ReferralReference::parse(&reference),
        shared::referral::subject_access::Requester::from_code(&requester),
    ) else {
        return Ok(None);
    };
    let export = super::ports()?.administration.subject_access(&by, &reference, requester).await;
    let export = export.map_err(super::unavailable)?;
    Ok(export.map(|e| serde_json::to_string_pretty(&e).unwrap_or_default()))
}

#[component]
pub fn SubjectAccessPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let data = Resource::new(move || (get("reference"), get("requester")), |(r, q)| load_export(r, q));
    view! {
        <Title text="Subject access" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let export = match data.await {
                    Ok(e) => e,
                    Err(e) => return view! { <AdminProblem error=e /> }.into_any(),
                };
                let (reference, requester) = (get("reference"), get("requester"));
                let asked = !reference.is_empty();
                view! {
                    <a href="/admin" class="back-link">"Back"</a>
                    <h1 class="heading-l">"Subject access request"</h1>
                    <p class="body">"A parent's own data from a referral. The other parent's address and contact details, and answers that are theirs, are withheld. Each export is recorded in the audit log."</p>
                    <form method="get" action="/admin/subject-access">
                        <div class="form-group">
                            <label class="label" for="sar-reference">"Referral reference"</label>
                            <input class="input input--width-10" id="sar-reference" name="reference" type="text" value=reference spellcheck="false" />
                        </div>
                        <div class="form-group">
                            <fieldset class="fieldset">
                                <legend class="fieldset__legend">"Whose data"</legend>
                                <div class="radios">
                                    <div class="radios__item">
                                        <input class="radios__input" id="sar-requester" name="requester" type="radio" value="resident_parent" checked=requester == "resident_parent" />
                                        <label class="label radios__label" for="sar-requester">"The parent the children live with"</label>
                                    </div>
                                    <div class="radios__item">
                                        <input class="radios__input" id="sar-requester-2" name="requester" type="radio" value="non_resident_parent" checked=requester == "non_resident_parent" />
                                        <label class="label radios__label" for="sar-requester-2">"The other parent"</label>
                                    </div>
                                </div>
                            </fieldset>
                        </div>
                        <button type="submit" class="button">"Export"</button>
                    </form>
                    {match export {
                        Some(json) => view! {
                            <h2 class="heading-m">"Their data"</h2>
                            <pre class="message-body" id="sar-export">{json}</pre>
                        }.into_any(),
                        None if asked => view! { <p class="body" role="status">"No referral with that reference (or its data has been erased)."</p> }.into_any(),
                        None => ().into_any(),
                    }}
                }
                .into_any()
            })}
        </Suspense>
    }
}
