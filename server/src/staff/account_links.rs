//! Single-use emailed links for staff: an invitation to choose a first password, and a password
//! reset. The token (256 random bits) travels only in the email; the database keeps its SHA-256.
//! The email is queued in the outbox in the same transaction as the link.

use super::accounts::AccountService;
use super::errors::AccountError;
use super::passwords::{check_not_common, hash_password};
use crate::store::{LinkPurpose, Message, NewLink, User};
use app::ports::{LinkUse, OpenedLink};
use rand::Rng;
use sha2::{Digest, Sha256};
use shared::account::Password;

/// No second reset email for an account within this long of the last (a quiet limit: the page
/// says the same either way).
const RESET_EMAIL_GAP_SECS: i64 = 5 * 60;

fn new_link_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    hex::encode(bytes)
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}

/// The email for a link: where to go and for how long; nothing else about the account.
fn link_email(public_url: &str, purpose: LinkPurpose, token: &str) -> (String, String) {
    let lasts = purpose.lifetime();
    let url = format!("{}/login/password?token={token}", public_url.trim_end_matches('/'));
    match purpose {
        LinkPurpose::Invitation => (
            "Your NACCC Contact Hub account".to_owned(),
            format!(
                "An account has been made for you on NACCC Contact Hub.\n\n\
                 Choose your password here. The link works once, for {lasts}:\n{url}\n\n\
                 You will then set up an authenticator app on your phone.\n\
                 If you did not expect this email, you can ignore it."
            ),
        ),
        LinkPurpose::PasswordReset => (
            "Reset your NACCC Contact Hub password".to_owned(),
            format!(
                "Someone asked to reset the password of your NACCC Contact Hub account.\n\n\
                 Choose a new password here. The link works once, for {lasts}:\n{url}\n\n\
                 If it was not you, ignore this email: your password has not changed."
            ),
        ),
    }
}

impl AccountService {
    /// A fresh link for `purpose`: its token (for the email) and what to store.
    fn link(&self, purpose: LinkPurpose) -> (String, String, i64) {
        let token = new_link_token();
        let hash = token_hash(&token);
        (token, hash, self.clock.now() + purpose.lifetime_secs())
    }

    /// Creates an invited account (no password yet) and queues its invitation email.
    pub async fn invite(&self, user: &crate::store::NewUser<'_>) -> Result<Option<i64>, AccountError> {
        let (token, hash, expires_at) = self.link(LinkPurpose::Invitation);
        let (subject, body) = link_email(&self.public_url, LinkPurpose::Invitation, &token);
        let message = Message { kind: "account.invitation", subject: &subject, body: &body };
        let link = NewLink { purpose: LinkPurpose::Invitation, token_hash: &hash, expires_at };
        Ok(self.store.invite_user(user, &link, &message, self.clock.now()).await?)
    }

    /// Queues a new link for an existing account (an earlier one for the same purpose stops working).
    pub async fn send_link(&self, user: &User, purpose: LinkPurpose) -> Result<(), AccountError> {
        let (token, hash, expires_at) = self.link(purpose);
        let (subject, body) = link_email(&self.public_url, purpose, &token);
        let kind = match purpose {
            LinkPurpose::Invitation => "account.invitation",
            LinkPurpose::PasswordReset => "account.password_reset",
        };
        let message = Message { kind, subject: &subject, body: &body };
        let link = NewLink { purpose, token_hash: &hash, expires_at };
        Ok(self.store.issue_link(user.id, &link, &message, self.clock.now()).await?)
    }

    /// A reset link for an active account with a password, unless one went in the last few minutes.
    pub async fn request_password_reset(&self, email: &str) -> Result<(), AccountError> {
        let Some(user) = self.store.user_by_email(email).await? else { return Ok(()) };
        if user.disabled || user.password_hash.is_none() {
            return Ok(());
        }
        let now = self.clock.now();
        let recent = self.store.newest_link_at(user.id, LinkPurpose::PasswordReset).await?;
        if recent.is_some_and(|at| now - at < RESET_EMAIL_GAP_SECS) {
            return Ok(());
        }
        self.send_link(&user, LinkPurpose::PasswordReset).await?;
        self.audit_event("account.password_reset.requested", Some(user.id), true).await;
        Ok(())
    }

    pub async fn open_link(&self, token: &str) -> Result<Option<(i64, LinkPurpose, User)>, AccountError> {
        if token.trim().len() != 64 {
            return Ok(None);
        }
        let found = self.store.open_link(&token_hash(token), self.clock.now()).await?;
        Ok(found.filter(|(_, _, user)| !user.disabled))
    }

    pub async fn use_link(&self, token: &str, password: &Password) -> Result<LinkUse, AccountError> {
        let Some((link, purpose, user)) = self.open_link(token).await? else { return Ok(LinkUse::Gone) };
        if check_not_common(password, &user.email, &user.name).is_err() {
            return Ok(LinkUse::TooEasyToGuess);
        }
        let hash = hash_password(password).await?;
        if !self.store.use_link(link, user.id, purpose, &hash, self.clock.now()).await? {
            return Ok(LinkUse::Gone);
        }
        let action = match purpose {
            LinkPurpose::Invitation => "account.invitation.accepted",
            LinkPurpose::PasswordReset => "account.password_reset.done",
        };
        self.audit_event(action, Some(user.id), true).await;
        Ok(LinkUse::PasswordSet(OpenedLink { purpose, user: super::accounts::staff(user) }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_only_as_a_hash() {
        let (a, b) = (new_link_token(), new_link_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&format!(" {a}\n")), token_hash(&a), "a pasted link's spaces do not matter");
    }

    #[test]
    fn link_emails_carry_the_link_and_no_account_details() {
        let (subject, body) = link_email("https://hub.example/", LinkPurpose::PasswordReset, "abc");
        assert_eq!(subject, "Reset your NACCC Contact Hub password");
        assert!(body.contains("https://hub.example/login/password?token=abc\n"));
    }
}
