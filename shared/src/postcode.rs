//! UK postcodes (including Northern Ireland `BT`, Guernsey `GY`, Jersey `JE` and the Isle of Man `IM`).
//!
//! Validation follows the Royal Mail / GOV.UK data standard pattern without the `regex` crate
//! (which would add ~500 kB to the wasm): an outward code of 2–4 characters and an inward code of a
//! digit and two letters. Input is forgiving about case and spaces, output is always `NG1 5FW`.

use serde::{Deserialize, Serialize};

/// Longest input we read, spaces included; anything longer is certainly not a postcode.
pub const MAX_INPUT_LEN: usize = 32;
/// Longest postcode without spaces (`EC1A1BB`), plus one for leniency.
const MAX_COMPACT_LEN: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeError {
    #[error("postcode is empty")]
    Empty,
    #[error("postcode is too long")]
    TooLong,
    #[error("postcode is not in a UK format")]
    InvalidFormat,
}

/// A full UK postcode, normalised to upper case with one space: `NG1 5FW`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Postcode(String);

/// The outward code (postcode district), e.g. `NG1`, `BT7`, `GY1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PostcodeDistrict(String);

impl Postcode {
    pub fn parse(input: &str) -> Result<Self, PostcodeError> {
        let compact = compact(input)?;
        if compact.len() < 5 {
            return Err(PostcodeError::InvalidFormat);
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        if !is_inward(inward.as_bytes()) {
            return Err(PostcodeError::InvalidFormat);
        }
        // GIR 0AA (Girobank) is the one historic exception to the outward-code pattern.
        if !(is_outward(outward.as_bytes()) || (outward == "GIR" && inward == "0AA")) {
            return Err(PostcodeError::InvalidFormat);
        }
        Ok(Self(format!("{outward} {inward}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The district this postcode belongs to (`NG1 5FW` → `NG1`).
    pub fn district(&self) -> PostcodeDistrict {
        let outward = self.0.split(' ').next().unwrap_or_default();
        PostcodeDistrict(outward.to_owned())
    }
}

impl PostcodeDistrict {
    pub fn parse(input: &str) -> Result<Self, PostcodeError> {
        let compact = compact(input)?;
        if is_outward(compact.as_bytes()) { Ok(Self(compact)) } else { Err(PostcodeError::InvalidFormat) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The postcode area: the leading letters (`NG1` → `NG`).
    pub fn area(&self) -> &str {
        let end = self.0.find(|c: char| c.is_ascii_digit()).unwrap_or(self.0.len());
        &self.0[..end]
    }
}

/// Upper-cases and removes all whitespace, rejecting empty, overlong and non-ASCII-alphanumeric input.
fn compact(input: &str) -> Result<String, PostcodeError> {
    if input.len() > MAX_INPUT_LEN {
        return Err(PostcodeError::TooLong);
    }
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    if compact.is_empty() {
        return Err(PostcodeError::Empty);
    }
    if compact.len() > MAX_COMPACT_LEN {
        // Short enough to be typed as a postcode, but it is not one.
        return Err(PostcodeError::InvalidFormat);
    }
    if !compact.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(PostcodeError::InvalidFormat);
    }
    Ok(compact)
}

// Letter rules of the standard pattern, by position.
const FIRST: &[u8] = b"ABCDEFGHIJKLMNOPRSTUWYZ"; // not Q, V, X
const SECOND: &[u8] = b"ABCDEFGHKLMNOPQRSTUVWXY"; // not I, J, Z
const THIRD_AFTER_DIGIT: &[u8] = b"ABCDEFGHJKPSTUW"; // A9A
const FOURTH_AFTER_DIGIT: &[u8] = b"ABEHMNPRVWXY"; // AA9A
const INWARD_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ"; // not C, I, K, M, O, V

fn is_outward(b: &[u8]) -> bool {
    let digit = |c: &u8| c.is_ascii_digit();
    match b {
        // A9, A99, A9A
        [a, d] => FIRST.contains(a) && digit(d),
        [a, d, e] if digit(d) => FIRST.contains(a) && (digit(e) || THIRD_AFTER_DIGIT.contains(e)),
        // AA9
        [a, b2, d] => FIRST.contains(a) && SECOND.contains(b2) && digit(d),
        // AA99, AA9A
        [a, b2, d, e] => {
            FIRST.contains(a) && SECOND.contains(b2) && digit(d) && (digit(e) || FOURTH_AFTER_DIGIT.contains(e))
        }
        _ => false,
    }
}

fn is_inward(b: &[u8]) -> bool {
    matches!(b, [d, x, y] if d.is_ascii_digit() && INWARD_LETTERS.contains(x) && INWARD_LETTERS.contains(y))
}

crate::string_newtype!(Postcode, PostcodeError, display);

crate::string_newtype!(PostcodeDistrict, PostcodeError, display);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_every_outward_shape() {
        for (input, expected) in [
            ("M1 1AE", "M1 1AE"),
            ("B33 8TH", "B33 8TH"),
            ("CR2 6XH", "CR2 6XH"),
            ("DN55 1PT", "DN55 1PT"),
            ("W1A 1HQ", "W1A 1HQ"),
            ("EC1A 1BB", "EC1A 1BB"),
            ("BT7 1NN", "BT7 1NN"),
            ("GY1 1AA", "GY1 1AA"),
            ("JE2 3AB", "JE2 3AB"),
            ("GIR 0AA", "GIR 0AA"),
        ] {
            assert_eq!(Postcode::parse(input).map(|p| p.to_string()), Ok(expected.into()));
        }
    }

    #[test]
    fn normalises_case_and_spaces() {
        assert_eq!(Postcode::parse(" ng15fw ").unwrap().as_str(), "NG1 5FW");
        assert_eq!(Postcode::parse("ng1   5fw").unwrap().as_str(), "NG1 5FW");
        assert_eq!(Postcode::parse("N G 1 5 F W").unwrap().as_str(), "NG1 5FW");
    }

    #[test]
    fn rejects_bad_input_with_the_right_reason() {
        assert_eq!(Postcode::parse(""), Err(PostcodeError::Empty));
        assert_eq!(Postcode::parse("   "), Err(PostcodeError::Empty));
        assert_eq!(Postcode::parse("NG1 5FW NG1 5FW"), Err(PostcodeError::InvalidFormat));
        assert_eq!(Postcode::parse(&"N".repeat(33)), Err(PostcodeError::TooLong));
        assert_eq!(Postcode::parse(&"A".repeat(10_000)), Err(PostcodeError::TooLong));
        for bad in ["NG1", "12345", "NG1 5F", "QG1 5FW", "NG1 5CW", "NG1-5FW", "ÑG1 5FW", "AAA 1AA"] {
            assert_eq!(Postcode::parse(bad), Err(PostcodeError::InvalidFormat), "{bad}");
        }
    }

    #[test]
    fn district_and_area() {
        let p = Postcode::parse("EC1A 1BB").unwrap();
        assert_eq!(p.district().as_str(), "EC1A");
        assert_eq!(p.district().area(), "EC");
        assert_eq!(PostcodeDistrict::parse("bt7").unwrap().as_str(), "BT7");
        assert!(PostcodeDistrict::parse("NG1 5FW").is_err());
    }

    #[test]
    fn serde_refuses_invalid_postcodes() {
        let ok: Result<Postcode, _> = serde_json_like("\"ng1 5fw\"");
        assert_eq!(ok.unwrap().as_str(), "NG1 5FW");
        assert!(serde_json_like::<Postcode>("\"not a postcode\"").is_err());
    }

    /// Minimal JSON string deserialisation through serde's value machinery, so `shared` keeps no JSON dependency.
    fn serde_json_like<T: serde::de::DeserializeOwned>(quoted: &str) -> Result<T, serde::de::value::Error> {
        use serde::de::IntoDeserializer;
        let inner = quoted.trim_matches('"').to_owned();
        T::deserialize(inner.into_deserializer())
    }

    fn letter(set: &'static [u8]) -> impl Strategy<Value = char> {
        prop::sample::select(set).prop_map(char::from)
    }

    fn valid_postcode() -> impl Strategy<Value = String> {
        let digit = || (0u8..10).prop_map(|d| char::from(b'0' + d));
        let outward = prop_oneof![
            (letter(FIRST), digit()).prop_map(|(a, d)| format!("{a}{d}")),
            (letter(FIRST), digit(), digit()).prop_map(|(a, d, e)| format!("{a}{d}{e}")),
            (letter(FIRST), digit(), letter(THIRD_AFTER_DIGIT)).prop_map(|(a, d, e)| format!("{a}{d}{e}")),
            (letter(FIRST), letter(SECOND), digit()).prop_map(|(a, b, d)| format!("{a}{b}{d}")),
            (letter(FIRST), letter(SECOND), digit(), digit()).prop_map(|(a, b, d, e)| format!("{a}{b}{d}{e}")),
            (letter(FIRST), letter(SECOND), digit(), letter(FOURTH_AFTER_DIGIT))
                .prop_map(|(a, b, d, e)| format!("{a}{b}{d}{e}")),
        ];
        (outward, digit(), letter(INWARD_LETTERS), letter(INWARD_LETTERS))
            .prop_map(|(o, d, x, y)| format!("{o} {d}{x}{y}"))
    }

    proptest! {
        #[test]
        fn every_valid_postcode_parses_to_itself(p in valid_postcode()) {
            prop_assert_eq!(Postcode::parse(&p).unwrap().to_string(), p);
        }

        #[test]
        fn case_and_spacing_never_change_the_result(p in valid_postcode(), spaces in 0usize..4, lower in any::<bool>()) {
            let compact: String = p.chars().filter(|c| *c != ' ').collect();
            let mut messy = String::new();
            for c in compact.chars() {
                messy.push(if lower { c.to_ascii_lowercase() } else { c });
                messy.push_str(&" ".repeat(spaces));
            }
            prop_assert_eq!(Postcode::parse(&messy).unwrap().to_string(), p);
        }

        #[test]
        fn normalised_output_reparses_identically(s in "\\PC{0,40}") {
            if let Ok(p) = Postcode::parse(&s) {
                prop_assert_eq!(Postcode::parse(p.as_str()), Ok(p.clone()));
                prop_assert!(p.as_str().len() <= 8);
                prop_assert_eq!(p.as_str().matches(' ').count(), 1);
            }
        }

        #[test]
        fn district_of_a_valid_postcode_is_a_valid_district(p in valid_postcode()) {
            let district = Postcode::parse(&p).unwrap().district();
            prop_assert_eq!(PostcodeDistrict::parse(district.as_str()), Ok(district.clone()));
            prop_assert!(p.starts_with(district.as_str()));
        }
    }
}
