//! A referral in progress, exactly as the person typed it.
//!
//! Drafts keep raw text, not validated values, so that nothing typed is ever lost: each wizard step
//! validates its part (the `validate` functions) and shows errors beside the fields, while the
//! draft keeps the text for the person to correct. Every section defaults when missing, so drafts
//! saved by an older version still open after new questions are added.

use super::people::{DateOfBirth, PersonName};
use serde::{Deserialize, Serialize};
use time::Date;

pub use super::answer::{DraftError, MAX_ANSWER_LEN, MAX_CHILDREN};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftAnswers {
    /// Who is referring: a parent, or a professional (solicitor, Cafcass, court, …).
    pub referrer_kind: String,
    /// The centre's slug, as chosen or pre-selected by `/refer?centre=…`.
    pub centre: String,
    /// Supported, supervised or handover.
    pub service: String,
    pub children: Vec<ChildForm>,
    /// How many children have ever been added: the next one's id (ids are never reused, so a
    /// "Remove" pressed twice cannot remove a second child).
    pub children_added: u32,
    /// The parent the children live with.
    pub resident_parent: super::adult::AdultForm,
    /// The parent the children do not live with.
    pub other_parent: super::adult::AdultForm,
    /// A professional referrer's own details (parents give theirs on their adult page).
    pub referrer: super::practical::ReferrerForm,
    pub others: super::practical::OtherPeopleForm,
    pub court: super::safety_form::CourtForm,
    pub safety: super::safety_form::SafetyForm,
    pub practical: super::practical::PracticalForm,
    pub consent: super::practical::ConsentForm,
    /// The language the referral was sent in (`Locale::code`: "en" or "cy"), set as it is sent,
    /// so the referrer's emails are written in it. Not a question (a parent's own preferred
    /// language is `AdultForm::language`); empty in drafts and in referrals sent before it was
    /// kept, which are English.
    #[serde(default)]
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChildForm {
    pub name: String,
    pub dob_day: String,
    pub dob_month: String,
    pub dob_year: String,
    /// Anything the centre should know to look after the child (health, needs, what helps).
    pub needs: String,
    /// Which child this is within the draft, for good (0: saved before children had ids, until
    /// [`DraftAnswers::name_children`]).
    pub id: u32,
}

/// Which field of a child's form a problem belongs to (for the error summary's links).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChildField {
    Name,
    DateOfBirth,
    Needs,
}

impl ChildField {
    /// The input's id on the child's page.
    pub fn input_id(self) -> &'static str {
        match self {
            Self::Name => "child-name",
            Self::DateOfBirth => "child-dob-day",
            Self::Needs => "child-needs",
        }
    }
}

/// Lists every text field of a form, so size checks cannot miss one.
macro_rules! texts {
    ($t:ty: $($f:ident),+) => {
        impl $t {
            pub fn texts(&self) -> Vec<&String> {
                vec![$(&self.$f),+]
            }
        }
    };
}

texts!(ChildForm: name, dob_day, dob_month, dob_year, needs);
texts!(super::adult::AdultForm: name, dob_day, dob_month, dob_year, contact_method, phone, email, messages_ok,
    address_line_1, address_line_2, town, postcode, share_address, parental_responsibility, language, interpreter,
    access_needs);
texts!(super::practical::ReferrerForm: name, organisation, email, phone);
texts!(super::practical::OtherPeopleForm: attending, details);
texts!(super::safety_form::CourtForm: proceedings, order_child_arrangements, order_prohibited_steps,
    order_non_molestation, order_occupation, order_bail_conditions, order_allows_contact, social_services,
    case_number, details);
texts!(super::safety_form::SafetyForm: abuse_physical, abuse_psychological, abuse_emotional, abuse_sexual,
    abuse_financial, abuse_of_children, abuse_none, child_offence_conviction, abduction_risk, passports,
    drugs_or_alcohol, mental_health, other_concerns, other_details);
texts!(super::practical::PracticalForm: day_mon, day_tue, day_wed, day_thu, day_fri, day_sat, day_sun,
    start_day, start_month, start_year, notes);
texts!(super::practical::ConsentForm: truth, sharing);

/// A child as a valid referral holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Child {
    pub name: PersonName,
    pub date_of_birth: DateOfBirth,
    pub needs: String,
}

impl ChildForm {
    /// The problems as the child's page shows them.
    pub fn field_errors(&self, today: Date) -> Vec<super::field::FieldError> {
        match self.validate(today) {
            Ok(_) => Vec::new(),
            Err(errors) => {
                errors.into_iter().map(|(f, e)| super::field::FieldError::bilingual(f.input_id(), &e)).collect()
            }
        }
    }

    /// Checks one child's answers; every problem is reported, each with its field.
    pub fn validate(&self, today: Date) -> Result<Child, Vec<(ChildField, DraftError)>> {
        let mut errors = Vec::new();
        let name = PersonName::parse(&self.name).map_err(|e| errors.push((ChildField::Name, e.into()))).ok();
        let dob = DateOfBirth::parse(&self.dob_day, &self.dob_month, &self.dob_year, today)
            .and_then(|d| d.of_child(today))
            .map_err(|e| errors.push((ChildField::DateOfBirth, e.into())))
            .ok();
        let needs = self.needs.trim();
        if needs.chars().count() > MAX_ANSWER_LEN {
            errors.push((ChildField::Needs, DraftError::AnswerTooLong));
        }
        match (name, dob) {
            (Some(name), Some(date_of_birth)) if errors.is_empty() => {
                Ok(Child { name, date_of_birth, needs: needs.to_owned() })
            }
            _ => Err(errors),
        }
    }
}

impl DraftAnswers {
    /// Refuses drafts too big to be anything a person typed (a crafted request), before storing.
    pub fn check_size(&self) -> Result<(), DraftError> {
        if self.children.len() > MAX_CHILDREN {
            return Err(DraftError::TooManyChildren);
        }
        let too_long = |s: &&String| s.chars().count() > MAX_ANSWER_LEN;
        let mut texts = vec![&self.referrer_kind, &self.centre, &self.service];
        for child in &self.children {
            texts.extend(child.texts());
        }
        texts.extend(self.resident_parent.texts());
        texts.extend(self.other_parent.texts());
        texts.extend(self.referrer.texts());
        texts.extend(self.others.texts());
        texts.extend(self.court.texts());
        texts.extend(self.safety.texts());
        texts.extend(self.practical.texts());
        texts.extend(self.consent.texts());
        texts.push(&self.language);
        if texts.iter().any(too_long) {
            return Err(DraftError::AnswerTooLong);
        }
        Ok(())
    }

    /// All the children, validated; a referral needs at least one.
    pub fn children(&self, today: Date) -> Result<Vec<Child>, Vec<(usize, ChildField, DraftError)>> {
        if self.children.is_empty() {
            return Err(vec![(0, ChildField::Name, DraftError::NoChildren)]);
        }
        let mut children = Vec::new();
        let mut errors = Vec::new();
        for (i, form) in self.children.iter().enumerate() {
            match form.validate(today) {
                Ok(child) => children.push(child),
                Err(problems) => errors.extend(problems.into_iter().map(|(f, e)| (i, f, e))),
            }
        }
        if errors.is_empty() { Ok(children) } else { Err(errors) }
    }
}

impl DraftAnswers {
    /// The language the referral was sent in ([`DraftAnswers::language`]); English if none was kept.
    pub fn locale(&self) -> crate::Locale {
        crate::Locale::from_code(&self.language).unwrap_or_default()
    }

    /// Gives every child without an id (from drafts saved before ids) the next one, in order:
    /// the same ids every time the same draft is opened.
    pub fn name_children(&mut self) {
        let mut added = self.children_added;
        for child in self.children.iter_mut().filter(|c| c.id == 0) {
            added += 1;
            child.id = added;
        }
        self.children_added = added;
    }

    /// Removes the child with `id`; `false` if there is none (already removed: nothing changes).
    pub fn remove_child(&mut self, id: u32) -> bool {
        self.name_children();
        let before = self.children.len();
        self.children.retain(|c| c.id != id);
        self.children.len() != before
    }

    /// The id for a child being added.
    pub(crate) fn next_child_id(&mut self) -> u32 {
        self.name_children();
        self.children_added += 1;
        self.children_added
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referral::people::PersonError;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    fn child(name: &str, d: &str, m: &str, y: &str) -> ChildForm {
        ChildForm {
            name: name.into(),
            dob_day: d.into(),
            dob_month: m.into(),
            dob_year: y.into(),
            needs: String::new(),
            id: 0,
        }
    }

    #[test]
    fn a_child_removed_twice_is_removed_once() {
        let mut draft = DraftAnswers {
            children: vec![
                child("Amelia", "3", "4", "2019"),
                child("Ben", "1", "2", "2020"),
                child("Cara", "", "", ""),
            ],
            ..Default::default()
        };
        // Saved before ids: numbered in order, the same way each time.
        draft.name_children();
        assert_eq!(draft.children.iter().map(|c| c.id).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(draft.remove_child(2));
        assert!(!draft.remove_child(2), "the second press finds nothing to remove");
        assert_eq!(draft.children.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Amelia", "Cara"]);
        assert_eq!(draft.next_child_id(), 4, "ids are never reused");
    }

    #[test]
    fn a_valid_child() {
        let c = child(" Amelia  Jones ", "3", "4", "2019").validate(TODAY).unwrap();
        assert_eq!(c.name.as_str(), "Amelia Jones");
        assert_eq!(c.date_of_birth.date(), date!(2019 - 04 - 03));
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let errors = child("", "31", "2", "2019").validate(TODAY).unwrap_err();
        assert_eq!(
            errors,
            vec![
                (ChildField::Name, DraftError::Person(PersonError::NameMissing)),
                (ChildField::DateOfBirth, DraftError::Person(PersonError::DateNotReal)),
            ]
        );
        let adult = child("Sam", "1", "1", "2000").validate(TODAY).unwrap_err();
        assert_eq!(adult, vec![(ChildField::DateOfBirth, DraftError::Person(PersonError::NotAChild))]);
    }

    #[test]
    fn a_referral_needs_a_child_and_reports_which_one_is_wrong() {
        assert!(DraftAnswers::default().children(TODAY).is_err());
        let draft = DraftAnswers {
            children: vec![child("Amelia", "3", "4", "2019"), child("Ben", "", "", "")],
            ..Default::default()
        };
        let errors = draft.children(TODAY).unwrap_err();
        assert_eq!(errors, vec![(1, ChildField::DateOfBirth, DraftError::Person(PersonError::DateMissing))]);
    }

    #[test]
    fn oversized_drafts_are_refused() {
        let mut draft = DraftAnswers { children: vec![ChildForm::default(); 13], ..Default::default() };
        assert_eq!(draft.check_size(), Err(DraftError::TooManyChildren));
        draft.children.truncate(1);
        draft.children[0].needs = "x".repeat(2001);
        assert_eq!(draft.check_size(), Err(DraftError::AnswerTooLong));
        draft.children[0].needs = "x".repeat(2000);
        assert_eq!(draft.check_size(), Ok(()));
    }

    #[test]
    fn older_drafts_without_new_sections_still_open() {
        // serde(default): a draft saved before `children` existed still deserialises.
        let old: DraftAnswers = serde_from_pairs(&[("referrer_kind", "parent")]);
        assert_eq!(old.referrer_kind, "parent");
        assert!(old.children.is_empty());
    }

    fn serde_from_pairs<T: serde::de::DeserializeOwned>(pairs: &[(&str, &str)]) -> T {
        use serde::de::{IntoDeserializer, value::MapDeserializer};
        let map = MapDeserializer::<_, serde::de::value::Error>::new(
            pairs.iter().map(|(k, v)| (k.into_deserializer(), v.into_deserializer())),
        );
        T::deserialize(map).unwrap()
    }
}
