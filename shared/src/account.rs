//! Staff accounts: roles and what each may reach, and the rules for what people type to sign in
//! (email, password, a one-time code). Parents never need an account.

use crate::Slug;
use crate::referral::EmailAddress;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a staff member does, and so what they may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Works one centre's referrals and watches its dashboard.
    CentreCoordinator,
    /// A coordinator who also submits the centre's returns and self-assessment and edits its profile.
    CentreManager,
    /// Assesses the accreditation cases assigned to them.
    Assessor,
    /// NACCC staff: all centres, users, returns and exports.
    NacccAdmin,
    /// The board: aggregated indicators only, never a person.
    Board,
}

impl Role {
    pub const ALL: [Self; 5] =
        [Self::CentreCoordinator, Self::CentreManager, Self::Assessor, Self::NacccAdmin, Self::Board];

    pub fn code(self) -> &'static str {
        match self {
            Self::CentreCoordinator => "centre_coordinator",
            Self::CentreManager => "centre_manager",
            Self::Assessor => "assessor",
            Self::NacccAdmin => "naccc_admin",
            Self::Board => "board",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::CentreCoordinator => "Centre coordinator",
            Self::CentreManager => "Centre manager",
            Self::Assessor => "Assessor",
            Self::NacccAdmin => "NACCC administrator",
            Self::Board => "Board member",
        }
    }

    /// Centre roles work within one centre, named by their scope.
    pub fn is_centre_role(self) -> bool {
        matches!(self, Self::CentreCoordinator | Self::CentreManager)
    }

    /// Where this role lands after signing in.
    pub fn home(self) -> &'static str {
        match self {
            Self::CentreCoordinator | Self::CentreManager => "/centre",
            Self::Assessor => "/assess",
            Self::NacccAdmin => "/admin",
            Self::Board => "/board",
        }
    }
}

/// Who a signed-in user is and where their authority reaches. A centre role always has its centre;
/// no other role has one (so "which centre" is never guessed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    Centre { role: CentreRole, centre: Slug },
    Assessor,
    NacccAdmin,
    Board,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CentreRole {
    Coordinator,
    Manager,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AccountError {
    #[error("a centre role needs its centre")]
    CentreMissing,
    #[error("only centre roles belong to a centre")]
    CentreNotAllowed,
    #[error("enter your password")]
    PasswordMissing,
    #[error("the password must be at least {} characters", Password::MIN_LEN)]
    PasswordTooShort,
    #[error("the password must be {} characters or fewer", Password::MAX_LEN)]
    PasswordTooLong,
    #[error("enter the 6-digit code from your authenticator app")]
    CodeMissing,
    #[error("the code is 6 digits, like 123456")]
    CodeFormat,
}

impl Scope {
    pub fn new(role: Role, centre: Option<Slug>) -> Result<Self, AccountError> {
        match (role, centre) {
            (Role::CentreCoordinator, Some(centre)) => Ok(Self::Centre { role: CentreRole::Coordinator, centre }),
            (Role::CentreManager, Some(centre)) => Ok(Self::Centre { role: CentreRole::Manager, centre }),
            (Role::CentreCoordinator | Role::CentreManager, None) => Err(AccountError::CentreMissing),
            (_, Some(_)) => Err(AccountError::CentreNotAllowed),
            (Role::Assessor, None) => Ok(Self::Assessor),
            (Role::NacccAdmin, None) => Ok(Self::NacccAdmin),
            (Role::Board, None) => Ok(Self::Board),
        }
    }

    pub fn role(&self) -> Role {
        match self {
            Self::Centre { role: CentreRole::Coordinator, .. } => Role::CentreCoordinator,
            Self::Centre { role: CentreRole::Manager, .. } => Role::CentreManager,
            Self::Assessor => Role::Assessor,
            Self::NacccAdmin => Role::NacccAdmin,
            Self::Board => Role::Board,
        }
    }

    pub fn centre(&self) -> Option<&Slug> {
        match self {
            Self::Centre { centre, .. } => Some(centre),
            _ => None,
        }
    }
}

/// A password as typed: 8 to 128 characters, any characters, no composition rules (NIST SP 800-63B).
/// Whether it is too common is checked on the server against a list. Never shown or logged.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Password(String);

impl Password {
    pub const MIN_LEN: usize = 8;
    pub const MAX_LEN: usize = 128;

    /// A new password: the length rules.
    pub fn new_password(input: &str) -> Result<Self, AccountError> {
        let n = input.chars().count();
        if n == 0 {
            Err(AccountError::PasswordMissing)
        } else if n < Self::MIN_LEN {
            Err(AccountError::PasswordTooShort)
        } else if n > Self::MAX_LEN {
            Err(AccountError::PasswordTooLong)
        } else {
            Ok(Self(input.to_owned()))
        }
    }

    /// A password typed to sign in: anything up to the longest allowed (older passwords may be
    /// shorter than today's minimum; a wrong one is simply wrong).
    pub fn attempt(input: &str) -> Result<Self, AccountError> {
        match input.chars().count() {
            0 => Err(AccountError::PasswordMissing),
            n if n > Self::MAX_LEN => Err(AccountError::PasswordTooLong),
            _ => Ok(Self(input.to_owned())),
        }
    }

    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Password {
    type Error = AccountError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::attempt(&value)
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

/// A 6-digit code from an authenticator app (TOTP, RFC 6238).
#[derive(Clone, PartialEq, Eq)]
pub struct OneTimeCode(String);

impl OneTimeCode {
    pub fn parse(input: &str) -> Result<Self, AccountError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if digits.is_empty() {
            return Err(AccountError::CodeMissing);
        }
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AccountError::CodeFormat);
        }
        Ok(Self(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeCode(…)")
    }
}

/// A sign-in attempt as typed, checked for shape only (the server decides whether it is right).
pub fn parse_sign_in(email: &str, password: &str) -> Result<(EmailAddress, Password), Vec<(&'static str, String)>> {
    let email = EmailAddress::parse(email).map_err(|e| ("login-email", e.to_string()));
    let password = Password::attempt(password).map_err(|e| ("login-password", e.to_string()));
    match (email, password) {
        (Ok(e), Ok(p)) => Ok((e, p)),
        (e, p) => Err([e.err(), p.err()].into_iter().flatten().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_only_centre_roles_have_a_centre() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
        let centre = Slug::parse("bedford-family-contact-centre").unwrap();
        assert_eq!(Scope::new(Role::CentreManager, None), Err(AccountError::CentreMissing));
        assert_eq!(Scope::new(Role::Board, Some(centre.clone())), Err(AccountError::CentreNotAllowed));
        let scope = Scope::new(Role::CentreCoordinator, Some(centre.clone())).unwrap();
        assert_eq!((scope.role(), scope.centre()), (Role::CentreCoordinator, Some(&centre)));
        assert_eq!(Scope::new(Role::NacccAdmin, None).unwrap().centre(), None);
    }

    #[test]
    fn passwords_have_length_rules_only() {
        assert_eq!(Password::new_password("short1!"), Err(AccountError::PasswordTooShort));
        assert!(Password::new_password("correct horse battery staple").is_ok());
        assert!(Password::new_password("alllowercaseletters").is_ok(), "no composition rules");
        assert!(Password::new_password(&"x".repeat(64)).is_ok(), "64 characters allowed");
        assert_eq!(Password::new_password(&"x".repeat(129)), Err(AccountError::PasswordTooLong));
        assert_eq!(Password::attempt(""), Err(AccountError::PasswordMissing));
        assert_eq!(format!("{:?}", Password::attempt("secret").unwrap()), "Password(…)");
    }

    #[test]
    fn one_time_codes_are_six_digits() {
        assert_eq!(OneTimeCode::parse("123 456").unwrap().as_str(), "123456");
        assert_eq!(OneTimeCode::parse(""), Err(AccountError::CodeMissing));
        assert_eq!(OneTimeCode::parse("12345a"), Err(AccountError::CodeFormat));
        assert!(parse_sign_in("not an email", "").is_err());
        assert!(parse_sign_in("amy@centre.example", "pw").is_ok());
    }
}
