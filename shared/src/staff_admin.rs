//! What NACCC administrators type to manage staff accounts (inviting someone, changing a role),
//! what staff type on an emailed link (a new password), and the audit-log filters.
//! Checked in the browser for instant feedback and again, as the authority, on the server.

use crate::Slug;
use crate::account::{AccountError, Password, Role, Scope};
use crate::referral::{EmailAddress, FieldError, PersonName};
use serde::{Deserialize, Serialize};
use time::Date;

/// Problems with what an administrator typed, beside the field they belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StaffFormError {
    #[error("choose a role")]
    RoleMissing,
    #[error("choose the centre this person works for")]
    CentreMissing,
    #[error("only centre coordinators and managers belong to a centre: choose no centre")]
    CentreNotAllowed,
    #[error("an account with this email address already exists")]
    EmailTaken,
    #[error("you cannot change your own role or disable your own account: ask another administrator")]
    OwnAccount,
}

/// Someone to invite: their email, name and what they will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffInvitation {
    pub email: EmailAddress,
    pub name: PersonName,
    pub scope: Scope,
}

/// The role and centre as chosen on a form: `role` is a [`Role::code`], `centre` a slug or empty.
pub fn parse_scope(role: &str, centre: &str) -> Result<Scope, Vec<FieldError>> {
    let Some(role) = Role::from_code(role) else {
        return Err(vec![FieldError::new("staff-role", &StaffFormError::RoleMissing)]);
    };
    let centre = match centre.trim() {
        "" => None,
        slug => match Slug::parse(slug) {
            Ok(slug) => Some(slug),
            Err(_) => return Err(vec![FieldError::new("staff-centre", &StaffFormError::CentreMissing)]),
        },
    };
    Scope::new(role, centre).map_err(|e| {
        let problem = match e {
            AccountError::CentreNotAllowed => StaffFormError::CentreNotAllowed,
            _ => StaffFormError::CentreMissing,
        };
        vec![FieldError::new("staff-centre", &problem)]
    })
}

/// An invitation form: every problem at once, each beside its field.
pub fn parse_invitation(email: &str, name: &str, role: &str, centre: &str) -> Result<StaffInvitation, Vec<FieldError>> {
    let email = EmailAddress::parse(email).map_err(|e| FieldError::new("staff-email", &e));
    let name = PersonName::parse(name).map_err(|e| FieldError::new("staff-name", &e));
    let scope = parse_scope(role, centre);
    match (email, name, scope) {
        (Ok(email), Ok(name), Ok(scope)) => Ok(StaffInvitation { email, name, scope }),
        (email, name, scope) => {
            let mut errors: Vec<FieldError> = [email.err(), name.err()].into_iter().flatten().collect();
            errors.extend(scope.err().unwrap_or_default());
            Err(errors)
        }
    }
}

/// An administrator may not change their own role or disable themselves: the last administrator
/// could otherwise lock everyone out, and a stolen session could not quietly raise itself.
pub fn may_change_account(actor: i64, target: i64) -> Result<(), StaffFormError> {
    if actor == target { Err(StaffFormError::OwnAccount) } else { Ok(()) }
}

/// A new password typed on an emailed link (the length rules; the server also refuses common
/// and guessable ones).
pub fn parse_new_password(password: &str) -> Result<Password, Vec<FieldError>> {
    Password::new_password(password).map_err(|e| vec![FieldError::new("new-password", &e)])
}

/// What a single-use emailed link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkPurpose {
    /// A new account: choose a first password (then set up an authenticator).
    Invitation,
    /// A forgotten password: choose a new one (the authenticator stays).
    PasswordReset,
}

impl LinkPurpose {
    pub fn code(self) -> &'static str {
        match self {
            Self::Invitation => "invitation",
            Self::PasswordReset => "password_reset",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Invitation, Self::PasswordReset].into_iter().find(|p| p.code() == code)
    }

    /// How long a link works, in words for the email and page that give it.
    pub fn lifetime(self) -> crate::durations::Lifetime {
        crate::durations::Lifetime::minutes(self.lifetime_secs() / 60)
    }

    /// How long a link works: a week to accept an invitation, an hour to reset a password.
    pub fn lifetime_secs(self) -> i64 {
        match self {
            Self::Invitation => crate::durations::STAFF_INVITATION_LINK.as_secs(),
            Self::PasswordReset => crate::durations::PASSWORD_RESET_LINK.as_secs(),
        }
    }
}

/// What the audit log is filtered by (all optional), once read from `/admin/audit`'s search form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// The start of an action's code, like `staff.sign_in` or `referral.read`.
    pub action: Option<String>,
    /// `user:<id>`, `anonymous` or `system`.
    pub actor: Option<String>,
    pub outcome: Option<AuditOutcome>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Entries older than this id (the next page).
    pub before: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditOutcome {
    Ok,
    Denied,
    Failed,
}

impl AuditOutcome {
    pub const ALL: [Self; 3] = [Self::Ok, Self::Denied, Self::Failed];

    pub fn code(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Denied => "denied",
            Self::Failed => "failed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Ok => "Succeeded",
            Self::Denied => "Refused (no permission)",
            Self::Failed => "Failed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuditFilterError {
    #[error("enter the date as a real date, like 2026-11-23")]
    Date,
    #[error("the 'from' date must be on or before the 'to' date")]
    DateOrder,
    #[error("enter who acted as user:<number>, anonymous or system")]
    Actor,
    #[error("enter an action code of letters, dots and underscores, like staff.sign_in")]
    Action,
}

/// The filters as typed (query-string values; empty means "any").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    pub action: String,
    pub actor: String,
    pub outcome: String,
    pub from: String,
    pub to: String,
    pub before: String,
}

impl AuditQuery {
    pub fn parse(&self) -> Result<AuditFilter, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field: &str, e: AuditFilterError| errors.push(FieldError::new(field, &e));
        let action = match self.action.trim() {
            "" => None,
            a if a.len() <= 64 && a.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_') => {
                Some(a.to_owned())
            }
            _ => {
                err("audit-action", AuditFilterError::Action);
                None
            }
        };
        let actor = match self.actor.trim() {
            "" => None,
            a @ ("anonymous" | "system") => Some(a.to_owned()),
            a => match a.strip_prefix("user:").map(|id| id.parse::<u32>()) {
                Some(Ok(id)) => Some(format!("user:{id}")),
                _ => {
                    err("audit-actor", AuditFilterError::Actor);
                    None
                }
            },
        };
        let outcome = AuditOutcome::ALL.into_iter().find(|o| o.code() == self.outcome.trim());
        let mut date = |field: &str, raw: &str| match raw.trim() {
            "" => None,
            d => match crate::IsoDate::parse(d).map(crate::IsoDate::date).ok() {
                Some(d) => Some(d),
                None => {
                    err(field, AuditFilterError::Date);
                    None
                }
            },
        };
        let from = date("audit-from", &self.from);
        let to = date("audit-to", &self.to);
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            err("audit-from", AuditFilterError::DateOrder);
        }
        let before = self.before.trim().parse::<i64>().ok().filter(|b| *b > 0);
        if errors.is_empty() { Ok(AuditFilter { action, actor, outcome, from, to, before }) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_needs_every_answer_and_a_centre_only_for_centre_roles() {
        let ok = parse_invitation("Amy@Centre.example", "Amy Lee", "centre_manager", "bedford-family-contact-centre");
        let ok = ok.unwrap();
        assert_eq!(ok.scope.role(), Role::CentreManager);
        let errors = parse_invitation("not-an-email", "", "", "").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["staff-email", "staff-name", "staff-role"]);
        let errors = parse_invitation("a@b.example", "A B", "board", "bedford-family-contact-centre").unwrap_err();
        assert_eq!(errors[0].field, "staff-centre");
        assert!(errors[0].message.starts_with("Only centre coordinators"));
        let errors = parse_invitation("a@b.example", "A B", "centre_coordinator", "").unwrap_err();
        assert_eq!(errors[0].message, "Choose the centre this person works for");
    }

    #[test]
    fn nobody_changes_their_own_account() {
        assert_eq!(may_change_account(4, 4), Err(StaffFormError::OwnAccount));
        assert_eq!(may_change_account(4, 5), Ok(()));
    }

    #[test]
    fn a_new_password_follows_the_length_rules() {
        assert!(parse_new_password("correct horse battery staple").is_ok());
        assert_eq!(parse_new_password("short").unwrap_err()[0].field, "new-password");
    }

    #[test]
    fn audit_filters_are_read_or_explained() {
        let q = AuditQuery {
            action: "staff.sign_in".into(),
            actor: "user:12".into(),
            outcome: "denied".into(),
            from: "2026-11-01".into(),
            to: "2026-11-23".into(),
            before: "900".into(),
        };
        let f = q.parse().unwrap();
        assert_eq!(f.actor.as_deref(), Some("user:12"));
        assert_eq!(f.outcome, Some(AuditOutcome::Denied));
        assert_eq!(f.before, Some(900));
        assert_eq!(AuditQuery::default().parse().unwrap(), AuditFilter::default());
        let bad = AuditQuery {
            action: "DROP TABLE".into(),
            actor: "bob".into(),
            from: "2026-12-01".into(),
            to: "2026-11-01".into(),
            ..Default::default()
        };
        let fields: Vec<String> = bad.parse().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["audit-action", "audit-actor", "audit-from"]);
        let bad_date = AuditQuery { to: "23/11/2026".into(), ..Default::default() };
        assert_eq!(bad_date.parse().unwrap_err()[0].field, "audit-to");
    }
}
