//! The email telling a referrer there is news about their referral: only that there is news and
//! where to look (with the reference and code they hold), never the news itself nor any detail of
//! the referral. Written in the language the referral was sent in: a Welsh referrer's is in Welsh
//! first and then in English, as Welsh public bodies write.

use crate::Locale;

/// The subject and body of the "there is news" email about `reference`, linking to the progress
/// page of the site at `public_url`. The English subject is the one the outbox has always had
/// (`News about referral …`); the bilingual one ends with it.
pub fn news_email(reference: &str, public_url: &str, locale: Locale) -> (String, String) {
    let status = format!("{}/refer/status", public_url.trim_end_matches('/'));
    let english_subject = format!("News about referral {reference}");
    match locale {
        Locale::English => (english_subject, english_body(reference, &status)),
        Locale::Welsh => (
            format!("Newyddion am atgyfeiriad {reference} / {english_subject}"),
            format!(
                "{}\n\n----------\n\n{}",
                welsh_body(reference, &format!("{status}?lang=cy")),
                english_body(reference, &format!("{status}?lang=en")),
            ),
        ),
    }
}

fn english_body(reference: &str, link: &str) -> String {
    format!(
        "There is news about referral {reference}.\n\nCheck its progress with your reference and code:\n{link}\n\n\
         This message holds no details of the referral."
    )
}

fn welsh_body(reference: &str, link: &str) -> String {
    format!(
        "Mae newyddion am atgyfeiriad {reference}.\n\nGwiriwch ei gynnydd gyda'ch cyfeirnod a'ch cod:\n{link}\n\n\
         Does dim manylion am yr atgyfeiriad yn y neges hon."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referral::DraftAnswers;

    const REFERENCE: &str = "NR-7K3M-9QXD";

    #[test]
    fn an_english_referrer_is_told_as_before() {
        let (subject, body) = news_email(REFERENCE, "https://hub.example/", Locale::English);
        assert_eq!(subject, "News about referral NR-7K3M-9QXD");
        assert_eq!(
            body,
            "There is news about referral NR-7K3M-9QXD.\n\nCheck its progress with your reference and code:\n\
             https://hub.example/refer/status\n\nThis message holds no details of the referral."
        );
    }

    #[test]
    fn a_welsh_referrer_is_told_in_welsh_first_then_english() {
        let (subject, body) = news_email(REFERENCE, "https://hub.example", Locale::Welsh);
        assert_eq!(subject, "Newyddion am atgyfeiriad NR-7K3M-9QXD / News about referral NR-7K3M-9QXD");
        assert!(subject.ends_with(&news_email(REFERENCE, "", Locale::English).0), "ends with the English subject");
        let welsh = body.find("Mae newyddion am atgyfeiriad NR-7K3M-9QXD.").expect("Welsh");
        let english = body.find("There is news about referral NR-7K3M-9QXD.").expect("English");
        assert!(welsh < english, "Welsh first: {body}");
        // Each half links to the progress page in its own language.
        assert!(body[..english].contains("https://hub.example/refer/status?lang=cy\n"), "{body}");
        assert!(body[english..].contains("https://hub.example/refer/status?lang=en\n"), "{body}");
        // Still nothing of the referral in either language.
        assert!(body.contains("Does dim manylion am yr atgyfeiriad yn y neges hon."), "{body}");
        assert!(body.ends_with("This message holds no details of the referral."), "{body}");
    }

    #[test]
    fn a_referral_is_english_unless_it_was_sent_in_welsh() {
        let mut answers = DraftAnswers::default();
        assert_eq!(answers.locale(), Locale::English, "sent before the language was kept");
        answers.language = Locale::Welsh.code().to_owned();
        assert_eq!(answers.locale(), Locale::Welsh);
        answers.language = "fr".to_owned();
        assert_eq!(answers.locale(), Locale::English);
    }
}
