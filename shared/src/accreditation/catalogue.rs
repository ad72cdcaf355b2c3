//! The standards a centre is accredited against: three sets (the National Standards for supported
//! contact, the Enhanced National Standards for supervised contact, and the standards for Child
//! Contact Services without a fixed venue), each of numbered sections and standards with guidance.
//! The catalogue is versioned: a case keeps the version it started on.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StandardSet {
    /// The National Standards: every centre with a fixed venue.
    National,
    /// The Enhanced National Standards: supervised contact, in addition.
    Enhanced,
    /// Child Contact Services without a fixed venue, instead of the National Standards.
    Community,
}

impl StandardSet {
    pub const ALL: [Self; 3] = [Self::National, Self::Enhanced, Self::Community];

    pub fn code(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::Enhanced => "enhanced",
            Self::Community => "community",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::National => "National Standards",
            Self::Enhanced => "Enhanced National Standards",
            Self::Community => "Standards for Child Contact Services without a fixed venue",
        }
    }
}

/// What contact a candidate applies to be accredited for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Services {
    Supported,
    Supervised,
    Both,
}

impl Services {
    pub const ALL: [Self; 3] = [Self::Supported, Self::Supervised, Self::Both];

    pub fn code(self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::Supervised => "supervised",
            Self::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Supported => "Supported contact",
            Self::Supervised => "Supervised contact",
            Self::Both => "Supported and supervised contact",
        }
    }

    /// The directory's service type once accredited.
    pub fn service_type(self) -> crate::ServiceType {
        match self {
            Self::Supported => crate::ServiceType::Supported,
            Self::Supervised => crate::ServiceType::Supervised,
            Self::Both => crate::ServiceType::SupportedAndSupervised,
        }
    }
}

/// Where contact happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Venue {
    /// A child contact centre with its own premises.
    Fixed,
    /// A community-based Child Contact Service, without a fixed venue.
    Community,
}

impl Venue {
    pub const ALL: [Self; 2] = [Self::Fixed, Self::Community];

    pub fn code(self) -> &'static str {
        match self {
            Self::Fixed => "fixed",
            Self::Community => "community",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Fixed => "A centre with a fixed venue",
            Self::Community => "A community-based Child Contact Service (no fixed venue)",
        }
    }
}

/// The sets a case is assessed against: the National Standards (or, without a fixed venue, the
/// community standards), and the Enhanced National Standards for supervised contact.
pub fn sets_for(services: Services, venue: Venue) -> Vec<StandardSet> {
    let base = match venue {
        Venue::Fixed => StandardSet::National,
        Venue::Community => StandardSet::Community,
    };
    let mut sets = vec![base];
    if matches!(services, Services::Supervised | Services::Both) {
        sets.push(StandardSet::Enhanced);
    }
    sets
}

/// The longest texts an administrator may write in the catalogue.
pub const MAX_TITLE: usize = 120;
pub const MAX_TEXT: usize = 1000;
pub const MAX_GUIDANCE: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// "3.2": the section's number, a dot, the standard's place in it.
    pub number: String,
    pub title: String,
    pub text: String,
    pub guidance: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub number: u16,
    pub title: String,
    pub standards: Vec<Standard>,
}

/// One set's text, as written by NACCC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetText {
    pub set: StandardSet,
    pub title: String,
    pub summary: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CatalogueError {
    #[error("section {0} is out of order: sections are numbered 1, 2, 3 …")]
    SectionNumber(u16),
    #[error("standard {0} is out of order: standards are numbered section.1, section.2 …")]
    StandardNumber(String),
    #[error("standard {0} needs a title, its text and guidance")]
    Empty(String),
    #[error(
        "standard {0} is too long (title {MAX_TITLE}, text {MAX_TEXT}, guidance {MAX_GUIDANCE} characters at most)"
    )]
    TooLong(String),
    #[error("section {0} has no standards")]
    EmptySection(u16),
}

fn length_ok(text: &str, max: usize) -> bool {
    !text.trim().is_empty() && text.chars().count() <= max
}

impl SetText {
    /// Sections numbered 1.., standards `s.1`, `s.2` … in each, every text present and within
    /// its length: the rule for the shipped catalogue and for every edit.
    pub fn check(&self) -> Result<(), CatalogueError> {
        for (i, section) in self.sections.iter().enumerate() {
            if usize::from(section.number) != i + 1 {
                return Err(CatalogueError::SectionNumber(section.number));
            }
            if section.standards.is_empty() {
                return Err(CatalogueError::EmptySection(section.number));
            }
            for (j, standard) in section.standards.iter().enumerate() {
                if standard.number != format!("{}.{}", section.number, j + 1) {
                    return Err(CatalogueError::StandardNumber(standard.number.clone()));
                }
                let all_there =
                    [&standard.title, &standard.text, &standard.guidance].iter().all(|t| !t.trim().is_empty());
                if !all_there {
                    return Err(CatalogueError::Empty(standard.number.clone()));
                }
                if !(length_ok(&standard.title, MAX_TITLE)
                    && length_ok(&standard.text, MAX_TEXT)
                    && length_ok(&standard.guidance, MAX_GUIDANCE))
                {
                    return Err(CatalogueError::TooLong(standard.number.clone()));
                }
            }
        }
        Ok(())
    }

    /// Every standard with its section, in order.
    pub fn standards(&self) -> impl Iterator<Item = (&Section, &Standard)> {
        self.sections.iter().flat_map(|s| s.standards.iter().map(move |st| (s, st)))
    }
}

/// A standard named across sets: `national/3.2`. Form fields and stored answers use it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StandardKey(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a standard")]
pub struct KeyError;

impl StandardKey {
    pub fn new(set: StandardSet, number: &str) -> Self {
        Self(format!("{}/{number}", set.code()))
    }

    pub fn parse(input: &str) -> Result<Self, KeyError> {
        let (set, number) = input.split_once('/').ok_or(KeyError)?;
        StandardSet::from_code(set).ok_or(KeyError)?;
        let (section, place) = number.split_once('.').ok_or(KeyError)?;
        let digits = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
        if !(digits(section) && digits(place)) {
            return Err(KeyError);
        }
        Ok(Self(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn set(&self) -> Option<StandardSet> {
        self.0.split_once('/').and_then(|(s, _)| StandardSet::from_code(s))
    }

    /// "3.2"
    pub fn number(&self) -> &str {
        self.0.split_once('/').map_or("", |(_, n)| n)
    }

    /// The same key in a form field's name (`/` and `.` are fine in names; ids use this).
    pub fn id(&self) -> String {
        self.0.replace(['/', '.'], "-")
    }
}

crate::string_newtype!(StandardKey, KeyError, display);

#[cfg(test)]
mod tests {
    use super::*;

    fn standard(number: &str) -> Standard {
        Standard { number: number.into(), title: "Title".into(), text: "Text".into(), guidance: "Guidance".into() }
    }

    #[test]
    fn supervised_contact_adds_the_enhanced_standards_and_no_venue_uses_the_community_ones() {
        assert_eq!(sets_for(Services::Supported, Venue::Fixed), vec![StandardSet::National]);
        assert_eq!(sets_for(Services::Both, Venue::Fixed), vec![StandardSet::National, StandardSet::Enhanced]);
        assert_eq!(
            sets_for(Services::Supervised, Venue::Community),
            vec![StandardSet::Community, StandardSet::Enhanced]
        );
    }

    #[test]
    fn a_set_is_numbered_in_order_with_every_text_present() {
        let mut set = SetText {
            set: StandardSet::National,
            title: "National Standards".into(),
            summary: "For centres".into(),
            sections: vec![Section {
                number: 1,
                title: "Service management".into(),
                standards: vec![standard("1.1"), standard("1.2")],
            }],
        };
        assert_eq!(set.check(), Ok(()));
        set.sections[0].standards[1].number = "1.3".into();
        assert_eq!(set.check(), Err(CatalogueError::StandardNumber("1.3".into())));
        set.sections[0].standards[1] = Standard { guidance: " ".into(), ..standard("1.2") };
        assert_eq!(set.check(), Err(CatalogueError::Empty("1.2".into())));
        set.sections[0].standards[1] = Standard { text: "x".repeat(MAX_TEXT + 1), ..standard("1.2") };
        assert_eq!(set.check(), Err(CatalogueError::TooLong("1.2".into())));
        set.sections[0].number = 2;
        assert_eq!(set.check(), Err(CatalogueError::SectionNumber(2)));
    }

    #[test]
    fn standard_keys_name_a_set_and_a_number() {
        let key = StandardKey::parse("enhanced/2.3").unwrap();
        assert_eq!(key.set(), Some(StandardSet::Enhanced));
        assert_eq!(key.number(), "2.3");
        assert_eq!(key.id(), "enhanced-2-3");
        assert_eq!(StandardKey::new(StandardSet::National, "1.1").as_str(), "national/1.1");
        for bad in ["", "national", "national/1", "other/1.1", "national/1.x", "national/1.1.1", "national/../1"] {
            assert_eq!(StandardKey::parse(bad), Err(KeyError), "{bad}");
        }
    }
}
