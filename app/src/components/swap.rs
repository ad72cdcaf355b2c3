//! Parts of a page brought up to date in place: the browser fetches the page again, as the
//! server renders it, and swaps in the named regions. The markup stays the server's alone (no
//! rendering code ships as wasm), and the same address works without JavaScript.

/// The page at `url`, as the server renders it now (`None` if it cannot be had).
#[cfg(feature = "hydrate")]
pub async fn fetch_page(url: &str) -> Option<web_sys::Document> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    web_sys::DomParser::new().ok()?.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok()
}

/// Replaces the content of each region (by id) with the same region of `page`. A field inside a
/// region that had focus gets it back (by its id; where the caret was is lost), so swap only
/// what changes. Says whether every region was found.
#[cfg(feature = "hydrate")]
pub fn swap_regions(page: &web_sys::Document, ids: &[&str]) -> bool {
    let document = leptos::prelude::document();
    let focused = document.active_element().map(|el| el.id()).filter(|id| !id.is_empty());
    let mut all = true;
    for id in ids {
        match (page.get_element_by_id(id), document.get_element_by_id(id)) {
            (Some(fresh), Some(shown)) => shown.set_inner_html(&fresh.inner_html()),
            _ => all = false,
        }
    }
    if let Some(el) = focused.and_then(|id| document.get_element_by_id(&id))
        && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
    {
        let _ = el.focus();
    }
    all
}
