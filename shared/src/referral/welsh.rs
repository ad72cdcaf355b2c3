//! The Welsh of every problem the Safe Referral wizard can report (the English is each error's
//! `Display`). One exhaustive `match` per error: a new problem without its Welsh does not compile.

use super::answer::{AdultError, DraftError, MAX_ANSWER_LEN, MAX_CHILDREN};
use super::join::JoinError;
use super::people::PersonError;
use super::practical::{MAX_ORGANISATION_LEN, PracticalError};
use super::reference::{AccessCode, IdError};
use super::safety_form::{MAX_CASE_NUMBER_LEN, SafetyError};
use super::wizard::WizardError;
use crate::language::Welsh;
use std::borrow::Cow;

fn answer_too_long() -> Cow<'static, str> {
    Cow::Owned(format!("rhaid i'r ateb fod yn {MAX_ANSWER_LEN} nod neu lai"))
}

impl Welsh for PersonError {
    fn welsh(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Self::NameMissing => "rhowch yr enw llawn",
            Self::NameTooLong => "rhaid i'r enw fod yn 100 nod neu lai",
            Self::NameInvalid => "rhaid i'r enw beidio â chynnwys nodau rheoli",
            Self::DateMissing => "rhowch y dyddiad geni",
            Self::DateNotReal => "rhaid i'r dyddiad geni fod yn ddyddiad go iawn",
            Self::DateInFuture => "rhaid i'r dyddiad geni fod yn y gorffennol",
            Self::DateTooEarly => "rhaid i'r dyddiad geni fod ar ôl 1900",
            Self::NotAChild => "rhaid i blentyn fod o dan 18 oed",
            Self::PhoneInvalid => "rhowch rif ffôn yn y DU, fel 07700 900 982, neu rif rhyngwladol sy'n dechrau gyda +",
            Self::EmailInvalid => "rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com",
        })
    }
}

impl Welsh for AdultError {
    fn welsh(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Self::ContactMethodMissing => "dewiswch sut y gallwn gysylltu â nhw'n ddiogel",
            Self::MessagesOkMissing => "dywedwch a gawn ni adael neges ar y ffôn hwn",
            Self::AddressIncomplete => "rhowch linell gyntaf y cyfeiriad a'r dref neu'r ddinas",
            Self::PostcodeInvalid => "rhowch god post go iawn, fel NG1 5FW",
            Self::AddressNeededForPost => "mae angen cyfeiriad arnom i gysylltu â nhw drwy'r post",
            Self::ParentalResponsibilityMissing => "dywedwch a oes ganddyn nhw gyfrifoldeb rhiant",
        })
    }
}

impl Welsh for DraftError {
    fn welsh(&self) -> Cow<'static, str> {
        match self {
            Self::Person(e) => e.welsh(),
            Self::AnswerTooLong => answer_too_long(),
            Self::TooManyChildren => Cow::Owned(format!("gall atgyfeiriad enwi {MAX_CHILDREN} o blant ar y mwyaf")),
            Self::NoChildren => Cow::Borrowed("ychwanegwch o leiaf un plentyn"),
            Self::Adult(e) => e.welsh(),
        }
    }
}

impl Welsh for PracticalError {
    fn welsh(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Self::OrganisationMissing => "rhowch enw eich sefydliad",
            Self::OrganisationTooLong => {
                return Cow::Owned(format!("rhaid i enw'r sefydliad fod yn {MAX_ORGANISATION_LEN} nod neu lai"));
            }
            Self::ServiceMissing => "dewiswch y math o gyswllt sydd ei angen ar y teulu",
            Self::OthersMissing => "dywedwch a fydd unrhyw un arall yn dod i'r ganolfan",
            Self::OthersDetailsMissing => "dywedwch wrthym pwy arall fydd yn dod a sut maen nhw'n adnabod y plant",
            Self::DaysMissing => "dewiswch o leiaf un diwrnod y gallai'r plant ddod",
            Self::StartNotReal => "rhaid i'r dyddiad dechrau fod yn ddyddiad go iawn",
            Self::StartInPast => "rhaid i'r dyddiad dechrau fod heddiw neu yn y dyfodol",
            Self::StartTooLate => "rhaid i'r dyddiad dechrau fod o fewn y flwyddyn nesaf",
            Self::TruthMissing => "cadarnhewch fod yr hyn rydych wedi'i ddweud wrthym yn wir",
            Self::SharingMissing => "cadarnhewch y caiff y ganolfan ddefnyddio'r wybodaeth hon i drefnu cyswllt",
            Self::AnswerTooLong => return answer_too_long(),
        })
    }
}

impl Welsh for SafetyError {
    fn welsh(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Self::ProceedingsMissing => "dywedwch a oes, neu a fu, achos llys am y plant",
            Self::OrderAllowsContactMissing => "dywedwch a yw gorchymyn llys yn nodi sut y gall cyswllt ddigwydd",
            Self::SocialServicesMissing => "dywedwch a yw gwasanaethau cymdeithasol plant yn rhan o hyn",
            Self::CaseNumberTooLong => {
                return Cow::Owned(format!("rhaid i rif yr achos fod yn {MAX_CASE_NUMBER_LEN} nod neu lai"));
            }
            Self::AbuseMissing => "dewiswch y mathau o gam-drin, neu dewiswch 'Dim un o'r rhain'",
            Self::AbuseNoneWithOthers => "dewiswch 'Dim un o'r rhain' ar ei ben ei hun, neu dad-diciwch ef",
            Self::ConvictionMissing => "dywedwch a oes gan yr oedolyn arall euogfarn am drosedd yn erbyn plentyn",
            Self::AbductionMissing => "dywedwch a oes risg y gallai'r plant gael eu cymryd i ffwrdd neu eu cuddio",
            Self::DrugsMissing => "dywedwch a yw cyffuriau neu alcohol yn bryder",
            Self::MentalHealthMissing => "dywedwch a yw iechyd meddwl yn bryder",
            Self::OtherConcernsMissing => "dywedwch a oes gennych unrhyw bryderon eraill",
            Self::OtherDetailsMissing => "dywedwch wrthym am eich pryderon eraill",
            Self::AnswerTooLong => return answer_too_long(),
        })
    }
}

impl Welsh for WizardError {
    fn welsh(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Self::WhoMissing => "dewiswch pwy sy'n gwneud yr atgyfeiriad",
            Self::CentreMissing => "dewiswch ganolfan yn gyntaf",
            Self::ServiceNotOffered => {
                "nid yw'r ganolfan hon yn cynnig y math hwnnw o gyswllt: dewiswch fath arall, neu ganolfan arall"
            }
            Self::NoChildren => "ychwanegwch o leiaf un plentyn",
        })
    }
}

impl Welsh for JoinError {
    fn welsh(&self) -> Cow<'static, str> {
        match self {
            Self::JoinerMissing => Cow::Borrowed("dywedwch ai chi yw'r rhiant neu eu cyfreithiwr"),
            Self::AnswerTooLong => answer_too_long(),
        }
    }
}

impl Welsh for IdError {
    fn welsh(&self) -> Cow<'static, str> {
        match self {
            Self::Empty => Cow::Borrowed("rhowch y cyfeirnod, fel NR-7K3Q-9PXD"),
            Self::ReferenceFormat => Cow::Borrowed("mae cyfeirnod yn edrych fel NR-7K3Q-9PXD"),
            Self::CodeFormat => Cow::Owned(format!("y cod yw'r {} llythyren a rhif a roesom i chi", AccessCode::LEN)),
            Self::TooLong => Cow::Borrowed("mae'r testun yn rhy hir"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Display;

    /// Each error's Welsh is written (not empty) and is not its English left untranslated.
    fn both(errors: &[&dyn WelshAndEnglish]) {
        for e in errors {
            let (english, welsh) = (e.english(), e.welsh_text());
            assert!(!welsh.trim().is_empty(), "no Welsh for {english:?}");
            assert_ne!(welsh, english, "Welsh left as English: {english:?}");
            // Lower-case first, as the English: FieldError capitalises both.
            assert!(welsh.chars().next().is_some_and(char::is_lowercase), "{welsh:?}");
        }
    }

    trait WelshAndEnglish {
        fn english(&self) -> String;
        fn welsh_text(&self) -> String;
    }

    impl<T: Display + Welsh> WelshAndEnglish for T {
        fn english(&self) -> String {
            self.to_string()
        }
        fn welsh_text(&self) -> String {
            self.welsh().into_owned()
        }
    }

    #[test]
    fn every_problem_the_wizard_reports_has_its_welsh() {
        use AdultError as A;
        use PersonError as P;
        use PracticalError as Pr;
        use SafetyError as S;
        both(&[
            &P::NameMissing,
            &P::NameTooLong,
            &P::NameInvalid,
            &P::DateMissing,
            &P::DateNotReal,
            &P::DateInFuture,
            &P::DateTooEarly,
            &P::NotAChild,
            &P::PhoneInvalid,
            &P::EmailInvalid,
            &A::ContactMethodMissing,
            &A::MessagesOkMissing,
            &A::AddressIncomplete,
            &A::PostcodeInvalid,
            &A::AddressNeededForPost,
            &A::ParentalResponsibilityMissing,
            &DraftError::AnswerTooLong,
            &DraftError::TooManyChildren,
            &DraftError::NoChildren,
            &DraftError::Person(P::NameMissing),
            &DraftError::Adult(A::PostcodeInvalid),
            &Pr::OrganisationMissing,
            &Pr::OrganisationTooLong,
            &Pr::ServiceMissing,
            &Pr::OthersMissing,
            &Pr::OthersDetailsMissing,
            &Pr::DaysMissing,
            &Pr::StartNotReal,
            &Pr::StartInPast,
            &Pr::StartTooLate,
            &Pr::TruthMissing,
            &Pr::SharingMissing,
            &Pr::AnswerTooLong,
            &S::ProceedingsMissing,
            &S::OrderAllowsContactMissing,
            &S::SocialServicesMissing,
            &S::CaseNumberTooLong,
            &S::AbuseMissing,
            &S::AbuseNoneWithOthers,
            &S::ConvictionMissing,
            &S::AbductionMissing,
            &S::DrugsMissing,
            &S::MentalHealthMissing,
            &S::OtherConcernsMissing,
            &S::OtherDetailsMissing,
            &S::AnswerTooLong,
            &WizardError::WhoMissing,
            &WizardError::CentreMissing,
            &WizardError::ServiceNotOffered,
            &WizardError::NoChildren,
            &JoinError::JoinerMissing,
            &JoinError::AnswerTooLong,
            &IdError::Empty,
            &IdError::ReferenceFormat,
            &IdError::CodeFormat,
            &IdError::TooLong,
        ]);
    }

    #[test]
    fn limits_in_words_are_the_limits_the_rules_hold() {
        assert!(DraftError::AnswerTooLong.welsh().contains(&MAX_ANSWER_LEN.to_string()));
        assert!(DraftError::TooManyChildren.welsh().contains(&MAX_CHILDREN.to_string()));
        assert!(IdError::CodeFormat.welsh().contains(&AccessCode::LEN.to_string()));
    }
}
