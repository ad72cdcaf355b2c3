//! Welsh on the public side, through the real router on both databases: `?lang=cy` shows the
//! page in Welsh with `lang="cy"` and remembers the choice; the remembered choice holds for the
//! pages that follow (search errors from `shared` included) until `?lang=en`; a page not yet in
//! Welsh says so in Welsh and is marked English; staff pages stay English; the switch keeps the
//! address; and the language is the request's own, never another's sent at the same time.

mod common;

use axum::http::StatusCode;
use common::TestDb;
use common::web::{Browser, app};
use server::seed;

fn lang_of(html: &str) -> &str {
    let start = html.find("<html lang=\"").expect("html lang") + "<html lang=\"".len();
    &html[start..start + html[start..].find('"').expect("lang end")]
}

async fn welsh_is_chosen_remembered_and_put_back(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let mut b = Browser::new(app(db).await);

    let english = b.get("/").await;
    assert_eq!(lang_of(&english.body), "en-GB");
    assert!(english.body.contains(r#"<a href="/?lang=cy" hreflang="cy" lang="cy">Cymraeg</a>"#), "{}", english.body);
    assert!(b.cookies.is_empty(), "nothing remembered before a choice");

    let welsh = b.get("/?lang=cy").await;
    assert_eq!(welsh.status, StatusCode::OK);
    assert_eq!(lang_of(&welsh.body), "cy");
    assert!(welsh.body.contains("Helpu plant i gadw mewn cysylltiad"), "Welsh heading");
    assert!(welsh.body.contains(r#"hreflang="en" lang="en-GB">English</a>"#), "the way back to English");
    assert_eq!(b.cookies.get("naccc_lang").map(String::as_str), Some("cy"));

    // Remembered: the search in Welsh, its problems (made in `shared`) too, what was typed kept.
    let search = b.get("/find-a-centre?postcode=NOT+A+POSTCODE").await;
    assert_eq!((search.status, lang_of(&search.body)), (StatusCode::BAD_REQUEST, "cy"));
    assert!(search.body.contains("Rhowch god post go iawn, fel CF10 1EP"), "{}", search.body);
    assert!(search.body.contains("Mae problem wedi codi"));
    assert!(search.body.contains(r#"value="NOT A POSTCODE""#));
    // The switch keeps the search: the same address in English.
    assert!(search.body.contains(r#"href="/find-a-centre?postcode=NOT+A+POSTCODE&amp;lang=en""#), "{}", search.body);

    let found = b.get("/find-a-centre?q=Nottingham").await;
    assert!(found.body.contains("canolfan"), "results counted in Welsh");
    let slug = seed::demo_centres()[0].centre.slug.as_str().to_owned();
    let centre = b.get(&format!("/centres/{slug}")).await;
    assert_eq!(lang_of(&centre.body), "cy");
    assert!(centre.body.contains("Amseroedd agor"));

    // The referral wizard, the information pages and the contact form are in Welsh too.
    let refer = b.get("/refer").await;
    assert_eq!(lang_of(&refer.body), "cy");
    assert!(refer.body.contains("Gwneud Atgyfeiriad Diogel") && !refer.body.contains("Make a Safe Referral"));
    assert!(refer.body.contains(r#"href="/refer?lang=en""#));
    for path in ["/information", "/information/costs", "/contact"] {
        let page = b.get(path).await;
        assert_eq!(lang_of(&page.body), "cy", "{path}");
        assert!(!page.body.contains("Nid yw'r dudalen hon ar gael yn Gymraeg eto."), "{path}");
    }
    // Pages that may show a code once offer no switch: loading them again would lose the code.
    for path in ["/refer/saved", "/refer/sent", "/refer/join/who"] {
        let page = b.get(path).await;
        assert!(!page.body.contains("language-switch"), "{path} offers no switch");
    }
    assert!(b.get("/refer/tasks").await.body.contains("language-switch"));
    // Not written in Welsh (a page that does not exist): English, marked so, saying so in Welsh.
    let missing = b.get("/no-such-page").await;
    assert_eq!(lang_of(&missing.body), "en-GB");
    assert!(
        missing.body.contains(r#"lang="cy" class="notice">Nid yw'r dudalen hon ar gael yn Gymraeg eto."#),
        "{}",
        missing.body
    );
    // Staff pages: English, no switch, no notice.
    let login = b.get("/login").await;
    assert_eq!(lang_of(&login.body), "en-GB");
    assert!(!login.body.contains("language-switch") && !login.body.contains("Gymraeg"));

    // Back to English, remembered too.
    let back = b.get("/find-a-centre?lang=en").await;
    assert_eq!(lang_of(&back.body), "en-GB");
    assert_eq!(b.cookies.get("naccc_lang").map(String::as_str), Some("en"));
    assert_eq!(lang_of(&b.get("/").await.body), "en-GB");
    // A path made to look like another site's address leads nowhere else.
    let elsewhere = b.get("//elsewhere.example").await;
    assert!(elsewhere.body.contains(r#"href="/elsewhere.example?lang=cy""#), "{}", elsewhere.body);
    assert!(!elsewhere.body.contains(r#"href="//elsewhere"#));
    // A language nobody offers is ignored, never an error.
    let odd = b.get("/?lang=fr%22%3E").await;
    assert_eq!((odd.status, lang_of(&odd.body)), (StatusCode::OK, "en-GB"));
}

async fn each_request_has_its_own_language(db: &TestDb) {
    seed::seed_demo_data(&db.store).await.unwrap();
    let router = app(db).await;
    // Many at once, alternating: each answer is in the language its own request asked for.
    let pages = (0..40).map(|i| {
        let mut b = Browser::new(router.clone());
        async move {
            let welsh = i % 2 == 0;
            if welsh {
                b.cookies.insert("naccc_lang".into(), "cy".into());
            }
            let page = b.get("/find-a-centre").await;
            (welsh, lang_of(&page.body).to_owned(), page.body.contains("Dod o hyd i ganolfan cyswllt plant"))
        }
    });
    for (welsh, lang, in_welsh) in futures_util::future::join_all(pages).await {
        assert_eq!(lang == "cy", welsh);
        assert_eq!(in_welsh, welsh);
    }
}

on_both_backends!(welsh_is_chosen_remembered_and_put_back, each_request_has_its_own_language);
