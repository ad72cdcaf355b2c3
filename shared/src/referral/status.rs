//! What a referrer is told when they check a submitted referral: plain words, never "Completed".

use serde::{Deserialize, Serialize};

/// A submitted referral's progress as the referrer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublicStatus {
    /// With the centre, not yet looked at.
    SentToCentre,
    /// The centre is waiting for the other parent's part.
    AwaitingOtherParent,
    /// The centre is reading it and checking it is safe to go ahead.
    BeingConsidered,
    WaitingList,
    PreVisitBooked,
    /// Contact sessions are taking place.
    ContactUnderway,
    /// The centre cannot take it: the referrer is told what they can do next.
    NotAccepted,
    /// Sessions at the centre have ended.
    ContactEnded,
}

impl PublicStatus {
    pub const ALL: [Self; 8] = [
        Self::SentToCentre,
        Self::AwaitingOtherParent,
        Self::BeingConsidered,
        Self::WaitingList,
        Self::PreVisitBooked,
        Self::ContactUnderway,
        Self::NotAccepted,
        Self::ContactEnded,
    ];

    /// The value stored with the referral.
    pub fn code(self) -> &'static str {
        match self {
            Self::SentToCentre => "sent",
            Self::AwaitingOtherParent => "awaiting_other_parent",
            Self::BeingConsidered => "being_considered",
            Self::WaitingList => "waiting_list",
            Self::PreVisitBooked => "pre_visit_booked",
            Self::ContactUnderway => "contact_underway",
            Self::NotAccepted => "not_accepted",
            Self::ContactEnded => "contact_ended",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The heading the referrer sees.
    pub fn headline(self) -> &'static str {
        match self {
            Self::SentToCentre => "Sent to the centre",
            Self::AwaitingOtherParent => "Waiting for the other parent's part",
            Self::BeingConsidered => "The centre is considering your referral",
            Self::WaitingList => "Waiting list",
            Self::PreVisitBooked => "Pre-visit booked",
            Self::ContactUnderway => "Contact sessions have started",
            Self::NotAccepted => "Not accepted — what you can do next",
            Self::ContactEnded => "Contact at the centre has ended",
        }
    }

    /// What it means and what happens next, in a sentence or two.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::SentToCentre => {
                "The centre has your referral. A coordinator will usually be in touch within 5 working days, \
                 using the safe contact details you gave."
            }
            Self::AwaitingOtherParent => {
                "The centre needs the other parent's part before it can go ahead. If you invited them, they \
                 can add it with the code you gave them; the centre may also contact them."
            }
            Self::BeingConsidered => {
                "A coordinator is reading the referral and checking the centre is the right, safe place for \
                 your family."
            }
            Self::WaitingList => {
                "The centre can help, and your family is on its waiting list. The centre will contact you \
                 when a place is free."
            }
            Self::PreVisitBooked => {
                "A visit to see the centre before contact starts has been booked. The centre has told you \
                 the date and time."
            }
            Self::ContactUnderway => "Your family's contact sessions are taking place at the centre.",
            Self::NotAccepted => {
                "The centre cannot take this referral. You can look for another centre, ask a solicitor or \
                 Cafcass for advice, or contact the centre to ask why."
            }
            Self::ContactEnded => {
                "Contact at the centre has ended. If you need help to arrange contact another way, the \
                 centre or NACCC can point you to support."
            }
        }
    }

    /// [`Self::headline`] in `locale`.
    pub fn headline_in(self, locale: crate::Locale) -> &'static str {
        match locale {
            crate::Locale::English => self.headline(),
            crate::Locale::Welsh => match self {
                Self::SentToCentre => "Wedi'i anfon i'r ganolfan",
                Self::AwaitingOtherParent => "Yn aros am ran y rhiant arall",
                Self::BeingConsidered => "Mae'r ganolfan yn ystyried eich atgyfeiriad",
                Self::WaitingList => "Rhestr aros",
                Self::PreVisitBooked => "Ymweliad ymlaen llaw wedi'i drefnu",
                Self::ContactUnderway => "Mae'r sesiynau cyswllt wedi dechrau",
                Self::NotAccepted => "Heb ei dderbyn — beth allwch chi ei wneud nesaf",
                Self::ContactEnded => "Mae'r cyswllt yn y ganolfan wedi dod i ben",
            },
        }
    }

    /// [`Self::explanation`] in `locale`.
    pub fn explanation_in(self, locale: crate::Locale) -> &'static str {
        match locale {
            crate::Locale::English => self.explanation(),
            crate::Locale::Welsh => match self {
                Self::SentToCentre => {
                    "Mae eich atgyfeiriad gan y ganolfan. Fel arfer, bydd cydlynydd yn cysylltu â chi o fewn \
                     5 diwrnod gwaith, gan ddefnyddio'r manylion cyswllt diogel a roesoch chi."
                }
                Self::AwaitingOtherParent => {
                    "Mae angen rhan y rhiant arall ar y ganolfan cyn y gall fwrw ymlaen. Os gwnaethoch chi eu \
                     gwahodd, gallan nhw ei hychwanegu gyda'r cod a roesoch chi iddyn nhw; efallai y bydd y \
                     ganolfan yn cysylltu â nhw hefyd."
                }
                Self::BeingConsidered => {
                    "Mae cydlynydd yn darllen yr atgyfeiriad ac yn gwirio mai'r ganolfan yw'r lle iawn a diogel \
                     i'ch teulu."
                }
                Self::WaitingList => {
                    "Gall y ganolfan helpu, ac mae eich teulu ar ei rhestr aros. Bydd y ganolfan yn cysylltu â \
                     chi pan fydd lle ar gael."
                }
                Self::PreVisitBooked => {
                    "Mae ymweliad i weld y ganolfan cyn i'r cyswllt ddechrau wedi'i drefnu. Mae'r ganolfan wedi \
                     dweud wrthych chi beth yw'r dyddiad a'r amser."
                }
                Self::ContactUnderway => "Mae sesiynau cyswllt eich teulu yn digwydd yn y ganolfan.",
                Self::NotAccepted => {
                    "Ni all y ganolfan dderbyn yr atgyfeiriad hwn. Gallwch chi chwilio am ganolfan arall, gofyn \
                     i gyfreithiwr neu Cafcass am gyngor, neu gysylltu â'r ganolfan i ofyn pam."
                }
                Self::ContactEnded => {
                    "Mae'r cyswllt yn y ganolfan wedi dod i ben. Os oes angen help arnoch chi i drefnu cyswllt \
                     mewn ffordd arall, gall y ganolfan neu NACCC eich cyfeirio at gymorth."
                }
            },
        }
    }
}

/// A submitted referral as its referrer may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralProgress {
    pub status: PublicStatus,
    pub centre: crate::Slug,
    pub submitted_on: crate::IsoDate,
}

/// Where a referrer may be emailed that there is news (never what the news is): a professional's
/// work address, or a parent's own address only if email is the safe way they chose.
pub fn news_address(answers: &super::DraftAnswers) -> Option<super::EmailAddress> {
    use super::ReferrerKind;
    let raw = match ReferrerKind::from_code(&answers.referrer_kind)? {
        ReferrerKind::ResidentParent => email_if_chosen(&answers.resident_parent)?,
        ReferrerKind::NonResidentParent => email_if_chosen(&answers.other_parent)?,
        _ => answers.referrer.email.as_str(),
    };
    super::EmailAddress::parse(raw).ok()
}

fn email_if_chosen(adult: &super::AdultForm) -> Option<&str> {
    (adult.contact_method.trim() == "email").then_some(adult.email.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_nothing_says_completed() {
        for s in PublicStatus::ALL {
            assert_eq!(PublicStatus::from_code(s.code()), Some(s));
            assert!(!s.headline().to_lowercase().contains("complete"), "{s:?}");
        }
    }

    #[test]
    fn every_status_has_welsh_that_never_says_completed() {
        use crate::Locale;
        for s in PublicStatus::ALL {
            assert_eq!(s.headline_in(Locale::English), s.headline());
            assert_eq!(s.explanation_in(Locale::English), s.explanation());
            let (headline, explanation) = (s.headline_in(Locale::Welsh), s.explanation_in(Locale::Welsh));
            assert!(!headline.trim().is_empty() && !explanation.trim().is_empty(), "{s:?}");
            assert_ne!(headline, s.headline(), "{s:?}");
            assert_ne!(explanation, s.explanation(), "{s:?}");
            let headline = headline.to_lowercase();
            assert!(!headline.contains("cwblhau") && !headline.contains("gwblhau"), "{s:?}: {headline}");
        }
    }

    #[test]
    fn news_goes_only_where_the_referrer_said_it_safely_could() {
        let mut a = crate::referral::DraftAnswers { referrer_kind: "resident_parent".into(), ..Default::default() };
        a.resident_parent.email = "sam@example.com".into();
        a.resident_parent.contact_method = "phone".into();
        assert_eq!(news_address(&a), None, "a parent who chose the phone gets no email");
        a.resident_parent.contact_method = "email".into();
        assert_eq!(news_address(&a).unwrap().as_str(), "sam@example.com");
        a.referrer_kind = "solicitor".into();
        a.referrer.email = "law@firm.example".into();
        assert_eq!(news_address(&a).unwrap().as_str(), "law@firm.example");
    }
}
