//! Staff sign-in: passwords (Argon2id, hashed and checked off the async runtime), the second
//! factor (TOTP, each code accepted once, or a one-use recovery code), throttling per account and
//! per address with back-off (the demo accounts are in `demo.rs`). Unknown accounts are refused with the same
//! answer, after the same work, as a wrong password.

use crate::platform::crypto::{FieldCipher, FieldLocation};
use crate::store::{
    Actor, AuditEvent, NewUser, Outcome, SECOND_FACTOR, SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, Store, StoreError, User,
};
use app::ports::{Accounts, Clock, CodeCheck, Enrolment, PortError, SignInOutcome, StaffUser};
use async_trait::async_trait;
use shared::account::{OneTimeCode, Password, Scope};
use std::sync::Arc;

pub use super::authenticator::{enrolment_details, new_totp_secret, qr_svg, totp};
pub use super::demo::{DEMO_PASSWORD, DEMO_TOTP_SECRET_BASE32};

/// What a correct password leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    /// The password was right: now the authenticator code.
    NeedsCode { user: i64 },
    /// The password was right and no authenticator is set up yet: set one up first.
    NeedsEnrolment { user: i64 },
    /// Wrong email or password, or a disabled account: the same answer for each.
    Refused,
    /// Too many failures lately for this account or address: try later.
    Locked,
}

pub use super::errors::AccountError;

/// Recovery codes: 10 hexadecimal characters (40 random bits), each usable once.
pub const RECOVERY_CODE_LEN: usize = 10;

pub(crate) use super::passwords::hash_password;
pub use super::passwords::{TooEasyToGuess, check_not_common};

/// A hash no password matches: checked for unknown accounts so they take as long to refuse.
static DECOY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| password_auth::generate_hash("decoy: never anyone's password"));

async fn password_matches(password: &Password, hash: Option<&str>) -> Result<bool, AccountError> {
    let secret = password.expose_secret().to_owned();
    let hash = hash.map(str::to_owned);
    crate::platform::secrets::hashing(move || match hash {
        Some(hash) => password_auth::verify_password(secret, &hash).is_ok(),
        None => {
            std::hint::black_box(password_auth::verify_password(secret, &DECOY_HASH).is_ok());
            false
        }
    })
    .await
    .map_err(|_| AccountError::Task)
}

#[derive(Clone)]
pub struct AccountService {
    pub store: Store,
    pub cipher: FieldCipher,
    pub clock: Arc<dyn Clock>,
    /// How long to wait before answering an account with this many recent failures
    /// ([`back_off`] in service; tests of other behaviour may wait for nothing).
    pub back_off: fn(i64) -> std::time::Duration,
    /// Where the site is reached from outside (for links in emails), like `https://hub.naccc.org.uk`.
    pub public_url: Arc<str>,
    /// Whether mail leaves by SMTP: then `/admin/outbox` never shows the one-time links in
    /// messages (they are for their recipients alone).
    pub mail_by_smtp: bool,
    /// Whether the demo accounts may sign in (only when serving with `--demo`).
    pub demo_logins: bool,
}

/// Back-off before answering a subject with failures: nothing for the first three, then doubling
/// from a quarter of a second to four seconds.
pub fn back_off(failures: i64) -> std::time::Duration {
    let steps = u32::try_from((failures - 3).clamp(0, 5)).unwrap_or(0);
    if steps == 0 { std::time::Duration::ZERO } else { std::time::Duration::from_millis(125 << steps) }
}

/// The throttling subjects of one account: its sign-ins and, apart, its second-factor codes
/// (which no right password clears).
fn account_subject(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}
fn second_factor_subject(email: &str) -> String {
    format!("code:{}", email.trim().to_lowercase())
}

impl AccountService {
    /// Checks an email and password. `address` is the client's IP address, for throttling.
    pub async fn check_password(
        &self,
        email: &str,
        password: &Password,
        address: &str,
    ) -> Result<SignIn, AccountError> {
        let now = self.clock.now();
        let account = account_subject(email);
        // One limit per IPv6 /64 (one household or phone), as at the edge.
        let from = match address.parse() {
            Ok(ip) => format!("address:{}", crate::web::edge::limit_key(ip)),
            Err(_) => format!("address:{address}"),
        };
        // Counted first, atomically, so attempts sent in parallel cannot get past the limits; a
        // right password clears the account's count and takes back the address's.
        let by_account = self.store.attempt(SIGN_IN_ACCOUNT, &account, now).await?;
        let by_address = self.store.attempt(SIGN_IN_ADDRESS, &from, now).await?;
        tokio::time::sleep((self.back_off)(by_account.earlier)).await;
        // Wrong authenticator codes lock the account's sign-in too.
        let codes_locked = self.store.throttle_locked(SECOND_FACTOR, &second_factor_subject(email), now).await?;
        let locked = !by_account.allowed || !by_address.allowed || codes_locked;
        let user = self.store.user_by_email(email).await?.filter(|u| self.may_sign_in(u));
        // The hash check runs whatever happens, so timing tells nothing about the account.
        let matches = password_matches(password, user.as_ref().and_then(|u| u.password_hash.as_deref())).await?;
        if locked {
            return Ok(SignIn::Locked);
        }
        match user {
            Some(user) if matches && !user.disabled => {
                self.store.clear_failures(SIGN_IN_ACCOUNT, &account).await?;
                self.store.forgive_attempt(SIGN_IN_ADDRESS, &from).await?;
                Ok(if user.has_totp {
                    SignIn::NeedsCode { user: user.id }
                } else {
                    SignIn::NeedsEnrolment { user: user.id }
                })
            }
            _ => Ok(SignIn::Refused),
        }
    }

    /// Whether this account may sign in on this server: the demo accounts (whose password and
    /// authenticator key are public) only while it runs with `--demo`.
    fn may_sign_in(&self, user: &User) -> bool {
        self.demo_logins || !super::demo::is_demo_account(&user.email)
    }

    /// Checks an authenticator code; a code (its time step) is accepted once only.
    pub async fn check_code(&self, user: &User, code: &OneTimeCode) -> Result<bool, AccountError> {
        let Some((secret, _)) = self.store.totp_secret(&self.cipher, user.id).await? else { return Ok(false) };
        let now = u64::try_from(self.clock.now()).unwrap_or(0);
        let Some(step) = totp(&secret, &user.email)?.check(code.as_str(), now) else { return Ok(false) };
        Ok(self.store.use_totp_step(user.id, i64::try_from(step).unwrap_or(i64::MAX)).await?)
    }

    /// Checks a recovery code; each works once.
    pub async fn use_recovery_code(&self, user: &User, code: &str) -> Result<bool, AccountError> {
        let typed: String =
            code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
        if typed.is_empty() || typed.len() > 32 {
            return Ok(false);
        }
        for (id, hash) in self.store.unused_recovery_codes(user.id).await? {
            let (t, h) = (typed.clone(), hash.clone());
            let matches = crate::platform::secrets::hashing(move || password_auth::verify_password(t, &h).is_ok())
                .await
                .map_err(|_| AccountError::Task)?;
            if matches {
                return Ok(self.store.use_recovery_code(user.id, id, self.clock.now()).await?);
            }
        }
        Ok(false)
    }

    /// Finishes setting up an authenticator: if `code` is right for `secret`, stores the secret
    /// (sealed) and returns new recovery codes to show once.
    pub async fn enrol(
        &self,
        user: &User,
        secret: &[u8],
        code: &OneTimeCode,
    ) -> Result<Option<Vec<String>>, AccountError> {
        let now = u64::try_from(self.clock.now()).unwrap_or(0);
        let Some(step) = totp(secret, &user.email)?.check(code.as_str(), now) else { return Ok(None) };
        // Only a first authenticator: an unfinished set-up can never replace a working one.
        if !self.store.set_first_totp_secret(&self.cipher, user.id, secret).await? {
            return Ok(None);
        }
        self.store.use_totp_step(user.id, i64::try_from(step).unwrap_or(i64::MAX)).await?;
        let codes: Vec<String> =
            (0..8).map(|_| crate::platform::secrets::new_token()[..RECOVERY_CODE_LEN].to_uppercase()).collect();
        let mut hashes = Vec::new();
        for code in &codes {
            let c = code.clone();
            hashes.push(
                crate::platform::secrets::hashing(move || password_auth::generate_hash(c))
                    .await
                    .map_err(|_| AccountError::Task)?,
            );
        }
        self.store.set_recovery_codes(user.id, &hashes).await?;
        Ok(Some(codes))
    }

    /// The user behind a session signed in at `signed_in_at`, if they may still act: not disabled,
    /// and their sessions not ended since.
    pub async fn active_user(&self, id: i64, signed_in_at: i64) -> Result<Option<User>, AccountError> {
        let user = self.store.user_by_id(id).await?;
        Ok(user.filter(|u| !u.disabled && u.sessions_valid_after < signed_in_at && self.may_sign_in(u)))
    }

    /// Creates an account with a password (demo data and tests; staff are otherwise invited).
    pub async fn create_with_password(
        &self,
        email: &str,
        name: &str,
        scope: &Scope,
        password: &Password,
    ) -> Result<Option<i64>, AccountError> {
        let hash = hash_password(password).await?;
        let user = NewUser { email, name, scope, password_hash: Some(&hash) };
        Ok(self.store.create_user(&user, self.clock.now()).await?)
    }
}

fn port_error(error: AccountError) -> PortError {
    tracing::error!(%error, "accounts failed");
    PortError::Unavailable
}

/// What the app sees of a user.
pub(crate) fn staff(user: User) -> StaffUser {
    StaffUser { id: user.id, email: user.email, name: user.name, scope: user.scope }
}

fn pending_location(user: &str) -> FieldLocation<'_> {
    FieldLocation { table: "sessions", column: "totp_pending", row: user }
}

impl AccountService {
    fn open_pending(&self, user: &StaffUser, sealed: &str) -> Result<Vec<u8>, PortError> {
        let bytes = hex::decode(sealed).map_err(|_| PortError::CorruptData)?;
        self.cipher.open(pending_location(&user.id.to_string()), &bytes).map_err(|_| PortError::CorruptData)
    }

    fn enrolment_for(&self, user: &StaffUser, secret: &[u8]) -> Result<Enrolment, PortError> {
        let (secret_base32, url) = enrolment_details(secret, &user.email).map_err(port_error)?;
        Ok(Enrolment { secret_base32, qr_svg: qr_svg(&url).map_err(port_error)? })
    }

    async fn stored_user(&self, user: &StaffUser) -> Result<User, PortError> {
        self.store.user_by_id(user.id).await.map_err(|e| port_error(e.into()))?.ok_or(PortError::CorruptData)
    }
}

#[async_trait]
impl Accounts for AccountService {
    async fn sign_in(&self, email: &str, password: &Password, address: &str) -> Result<SignInOutcome, PortError> {
        let outcome = self.check_password(email, password, address).await.map_err(port_error)?;
        let (user, ok) = match outcome {
            SignIn::NeedsCode { user } | SignIn::NeedsEnrolment { user } => (Some(user), true),
            SignIn::Refused | SignIn::Locked => (None, false),
        };
        Accounts::audit(self, "staff.sign_in.password", user, None, ok).await;
        Ok(match outcome {
            SignIn::NeedsCode { user } => SignInOutcome::NeedsCode(user),
            SignIn::NeedsEnrolment { user } => SignInOutcome::NeedsEnrolment(user),
            SignIn::Refused => SignInOutcome::Refused,
            SignIn::Locked => SignInOutcome::Locked,
        })
    }

    async fn active_user(&self, id: i64, signed_in_at: i64) -> Result<Option<StaffUser>, PortError> {
        Ok(AccountService::active_user(self, id, signed_in_at).await.map_err(port_error)?.map(staff))
    }

    async fn second_factor(&self, user: &StaffUser, code: &str) -> Result<CodeCheck<()>, PortError> {
        // Wrong codes have a count of their own that no right password clears: counted first
        // (parallel guesses cannot pass the limit), and past it the account's sign-in is locked.
        let now = self.clock.now();
        let subject = second_factor_subject(&user.email);
        let store_error = |e: StoreError| port_error(e.into());
        let attempt = self.store.attempt(SECOND_FACTOR, &subject, now).await.map_err(store_error)?;
        tokio::time::sleep((self.back_off)(attempt.earlier)).await;
        if !attempt.allowed {
            return Ok(CodeCheck::Locked);
        }
        let stored = self.stored_user(user).await?;
        let typed: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        // Six digits are an app code; ten characters a recovery code (only then are the slow
        // recovery-code hashes checked).
        let ok = match OneTimeCode::parse(code) {
            Ok(code) => self.check_code(&stored, &code).await.map_err(port_error)?,
            Err(_) if typed.len() == RECOVERY_CODE_LEN => {
                self.use_recovery_code(&stored, &typed).await.map_err(port_error)?
            }
            Err(_) => false,
        };
        if !ok {
            return Ok(CodeCheck::Wrong);
        }
        self.store.clear_failures(SECOND_FACTOR, &subject).await.map_err(store_error)?;
        Ok(CodeCheck::Opened(()))
    }

    fn new_enrolment(&self, user: &StaffUser) -> Result<(String, Enrolment), PortError> {
        let secret = new_totp_secret();
        let sealed =
            self.cipher.seal(pending_location(&user.id.to_string()), &secret).map_err(|_| PortError::Unavailable)?;
        Ok((hex::encode(sealed), self.enrolment_for(user, &secret)?))
    }

    fn show_enrolment(&self, user: &StaffUser, sealed: &str) -> Result<Enrolment, PortError> {
        let secret = self.open_pending(user, sealed)?;
        self.enrolment_for(user, &secret)
    }

    async fn enrol(&self, user: &StaffUser, sealed: &str, code: &str) -> Result<Option<Vec<String>>, PortError> {
        let secret = self.open_pending(user, sealed)?;
        let Ok(code) = OneTimeCode::parse(code) else { return Ok(None) };
        let stored = self.stored_user(user).await?;
        AccountService::enrol(self, &stored, &secret, &code).await.map_err(port_error)
    }

    async fn audit(&self, action: &'static str, user: Option<i64>, object: Option<String>, ok: bool) {
        self.audit_object(action, user, object, ok).await;
    }

    async fn request_password_reset(&self, email: &shared::referral::EmailAddress) -> Result<(), PortError> {
        // Done after answering, so the answer takes as long whether or not the address has an
        // account (its timing must not tell).
        let service = self.clone();
        let email = email.as_str().to_owned();
        tokio::spawn(async move {
            if let Err(error) = AccountService::request_password_reset(&service, &email).await {
                tracing::error!(%error, "password reset request failed");
            }
        });
        Ok(())
    }

    async fn open_link(&self, token: &str) -> Result<Option<app::ports::OpenedLink>, PortError> {
        let found = AccountService::open_link(self, token).await.map_err(port_error)?;
        Ok(found.map(|(_, purpose, user)| app::ports::OpenedLink { purpose, user: staff(user) }))
    }

    async fn use_link(&self, token: &str, password: &Password) -> Result<app::ports::LinkUse, PortError> {
        AccountService::use_link(self, token, password).await.map_err(port_error)
    }
}

impl AccountService {
    pub(crate) async fn audit_event(&self, action: &'static str, user: Option<i64>, ok: bool) {
        self.audit_object(action, user, None, ok).await;
    }

    /// Appends to the audit log; a failure to write is logged, never shown to the person.
    pub(crate) async fn audit_object(&self, action: &'static str, user: Option<i64>, object: Option<String>, ok: bool) {
        let event = AuditEvent {
            actor: user.map_or(Actor::Anonymous, Actor::User),
            action,
            object,
            outcome: if ok { Outcome::Ok } else { Outcome::Failed },
            detail: String::new(),
        };
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, action, "audit entry not written");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_personal_passwords_are_refused() {
        let p = |s: &str| Password::new_password(s).unwrap();
        assert_eq!(check_not_common(&p("password123"), "amy@x.org", "Amy Lee"), Err(TooEasyToGuess));
        assert_eq!(check_not_common(&p("amylee1990"), "amy@x.org", "Amy Lee"), Err(TooEasyToGuess));
        assert_eq!(check_not_common(&p("correct horse battery staple"), "amy@x.org", "Amy Lee"), Ok(()));
    }

    #[test]
    fn back_off_grows_then_stops_growing() {
        assert_eq!(back_off(0), std::time::Duration::ZERO);
        assert_eq!(back_off(3), std::time::Duration::ZERO);
        assert_eq!(back_off(4), std::time::Duration::from_millis(250));
        assert_eq!(back_off(100), std::time::Duration::from_millis(4000));
    }
}
