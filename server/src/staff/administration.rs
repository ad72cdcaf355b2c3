//! NACCC administration behind the app's `Administration` port: staff accounts (invite, change
//! role and centre, disable, end sessions), the audit log with filters, and the outbox. Every
//! change is audit-logged with who made it; the pages have already checked that they may.

use crate::platform::clock::utc_time;
use crate::staff::accounts::AccountService;
use crate::store::{Actor, AuditEvent, AuditSearch, LinkPurpose, NewUser, Outcome, StoreError, User};
use app::pages::admin::model::{AccountState, AccountSummary, AuditRow, OutboxRow};
use app::ports::{Administration, PortError, StaffUser};
use async_trait::async_trait;
use shared::account::Scope;
use shared::staff_admin::{AuditFilter, StaffInvitation};

/// Entries on one page of `/admin/audit`.
pub const AUDIT_PAGE: i64 = 50;
/// Messages shown on `/admin/outbox`.
const OUTBOX_PAGE: i64 = 100;

fn port_error(error: impl std::fmt::Display) -> PortError {
    tracing::error!(%error, "administration failed");
    PortError::Unavailable
}

/// A message as an administrator may read it when mail really leaves: its one-time links (for
/// setting a password) cut short, so only their recipient can use them.
pub fn hide_links(body: &str) -> String {
    const TOKEN: &str = "token=";
    let mut shown = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(TOKEN) {
        let (before, after) = rest.split_at(at + TOKEN.len());
        shown.push_str(before);
        shown.push_str("(hidden)");
        rest = after.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    }
    shown.push_str(rest);
    shown
}

fn summary(user: User) -> AccountSummary {
    let state = if user.disabled {
        AccountState::Disabled
    } else if user.password_hash.is_none() {
        AccountState::Invited
    } else {
        AccountState::Active
    };
    AccountSummary {
        id: user.id,
        role: user.scope.role(),
        centre: user.scope.centre().map(ToString::to_string),
        email: user.email,
        name: user.name,
        state,
        has_authenticator: user.has_totp,
    }
}

fn midnight(date: time::Date) -> i64 {
    date.midnight().assume_utc().unix_timestamp()
}

impl AccountService {
    async fn record_change(&self, by: &StaffUser, action: &'static str, id: i64, detail: String) {
        let event = AuditEvent {
            actor: Actor::User(by.id),
            action,
            object: Some(format!("user:{id}")),
            outcome: Outcome::Ok,
            detail,
        };
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, action, "audit entry not written");
        }
    }

    async fn existing(&self, id: i64) -> Result<Option<User>, PortError> {
        self.store.user_by_id(id).await.map_err(port_error)
    }
}

#[async_trait]
impl Administration for AccountService {
    async fn accounts(&self) -> Result<Vec<AccountSummary>, PortError> {
        Ok(self.store.all_users().await.map_err(port_error)?.into_iter().map(summary).collect())
    }

    async fn account(&self, id: i64) -> Result<Option<AccountSummary>, PortError> {
        Ok(self.existing(id).await?.map(summary))
    }

    async fn invite(&self, by: &StaffUser, invitation: &StaffInvitation) -> Result<Option<i64>, PortError> {
        let user = NewUser {
            email: invitation.email.as_str(),
            name: invitation.name.as_str(),
            scope: &invitation.scope,
            password_hash: None,
        };
        let id = AccountService::invite(self, &user).await.map_err(port_error)?;
        if let Some(id) = id {
            self.record_change(by, "admin.user.invite", id, format!("role={}", invitation.scope.role().code())).await;
        }
        Ok(id)
    }

    async fn reinvite(&self, by: &StaffUser, id: i64) -> Result<bool, PortError> {
        let Some(user) = self.existing(id).await? else { return Ok(false) };
        if user.password_hash.is_some() || user.disabled {
            return Ok(false);
        }
        self.send_link(&user, LinkPurpose::Invitation).await.map_err(port_error)?;
        self.record_change(by, "admin.user.reinvite", id, String::new()).await;
        Ok(true)
    }

    async fn change_scope(&self, by: &StaffUser, id: i64, scope: &Scope) -> Result<bool, PortError> {
        let changed = self.store.change_scope(id, scope, self.clock.now()).await.map_err(port_error)?;
        if changed {
            self.record_change(by, "admin.user.role", id, format!("role={}", scope.role().code())).await;
        }
        Ok(changed)
    }

    async fn set_disabled(&self, by: &StaffUser, id: i64, disabled: bool) -> Result<bool, PortError> {
        if self.existing(id).await?.is_none() {
            return Ok(false);
        }
        self.store.set_user_disabled(id, disabled, self.clock.now()).await.map_err(port_error)?;
        let action = if disabled { "admin.user.disable" } else { "admin.user.enable" };
        self.record_change(by, action, id, String::new()).await;
        Ok(true)
    }

    async fn end_sessions(&self, by: &StaffUser, id: i64) -> Result<bool, PortError> {
        if self.existing(id).await?.is_none() {
            return Ok(false);
        }
        self.store.end_user_sessions(id, self.clock.now()).await.map_err(port_error)?;
        self.record_change(by, "admin.user.end_sessions", id, String::new()).await;
        Ok(true)
    }

    async fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditRow>, PortError> {
        let search = AuditSearch {
            action: filter.action.as_deref(),
            actor: filter.actor.as_deref(),
            outcome: filter.outcome.map(|o| o.code()),
            at_or_after: filter.from.map(midnight),
            before_time: filter.to.and_then(|d| d.next_day()).map(midnight),
            before_id: filter.before,
        };
        let entries = self.store.audit_entries(&search, AUDIT_PAGE).await.map_err(|e: StoreError| port_error(e))?;
        Ok(entries
            .into_iter()
            .map(|e| AuditRow {
                id: e.id,
                at: utc_time(e.at),
                actor: e.actor,
                action: e.action,
                object: e.object,
                outcome: e.outcome,
                detail: e.detail,
            })
            .collect())
    }

    async fn subject_access(
        &self,
        by: &StaffUser,
        reference: &shared::referral::ReferralReference,
        requester: shared::referral::subject_access::Requester,
    ) -> Result<Option<shared::referral::subject_access::SubjectAccessExport>, PortError> {
        let parts = self.store.referral_parts(&self.cipher, reference).await.map_err(port_error)?;
        let event = AuditEvent {
            actor: Actor::User(by.id),
            action: "referral.export",
            object: Some(reference.as_str().to_owned()),
            outcome: if parts.is_some() { Outcome::Ok } else { Outcome::Failed },
            detail: format!("requester={}", requester.code()),
        };
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, "audit entry not written");
        }
        Ok(parts
            .map(|(answers, other)| shared::referral::subject_access::export_for(requester, &answers, other.as_ref())))
    }

    async fn outbox(&self, by: &StaffUser) -> Result<Vec<OutboxRow>, PortError> {
        let messages = self.store.outbox_messages(OUTBOX_PAGE).await.map_err(port_error)?;
        // Who read which emails (they hold one-time links until sent): no entry, no page.
        let event = AuditEvent {
            actor: Actor::User(by.id),
            action: "admin.outbox.view",
            object: None,
            outcome: Outcome::Ok,
            detail: format!("messages={}", messages.len()),
        };
        self.store.record(&event, self.clock.now()).await.map_err(port_error)?;
        Ok(messages
            .into_iter()
            .map(|m| OutboxRow {
                id: m.id,
                at: utc_time(m.created_at),
                kind: m.kind,
                recipient: recipient_in_words(&m.recipient),
                subject: m.subject,
                body: if self.mail_by_smtp { hide_links(&m.body) } else { m.body },
                sent: m.sent_at.is_some(),
            })
            .collect())
    }
}

/// Whom a message is for, as the outbox page says it: a staff account's address, or who (never
/// the address) for a centre's staff or a referrer.
fn recipient_in_words(stored: &str) -> String {
    use crate::store::Recipient;
    match Recipient::parse(stored) {
        Some(Recipient::Centre(slug)) => format!("the referral staff of centre {slug}"),
        Some(Recipient::Referrer(reference)) => format!("the referrer of {reference} (address sealed)"),
        Some(Recipient::Naccc) => "NACCC's administrators".to_owned(),
        Some(Recipient::Staff(id)) => format!("staff account {id} (since removed)"),
        // The store put the account's address in place of `user:<id>`.
        None if stored.contains('@') => stored.to_owned(),
        None => "nobody".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_read_in_utc() {
        assert_eq!(crate::platform::clock::utc_time(1_795_000_000), "2026-11-18 11:06:40 UTC");
    }

    #[test]
    fn one_time_links_are_hidden_from_administrators() {
        let body = "Set your password:\nhttps://hub.example/login/password?token=9f8e7d6c5b4a\n\nOr token=abc1 again.";
        assert_eq!(
            super::hide_links(body),
            "Set your password:\nhttps://hub.example/login/password?token=(hidden)\n\nOr token=(hidden) again."
        );
        assert_eq!(super::hide_links("No links here."), "No links here.");
    }
}
