//! The Safe Referral service behind the app's `Referrals` port: the store, the cipher and the
//! clock together, with guesses at codes throttled per reference and each step audit-logged
//! (by reference, never with personal data).

use crate::platform::crypto::FieldCipher;
use crate::store::{
    Actor, AuditEvent, InviteOutcome, Outcome, REFERRAL_CODES, Store, StoreError, Submission, SubmitOutcome,
};
use app::ports::{Clock, CodeCheck, Invite, PortError, ReferralProgress, Referrals, Sent, SubmitReferral};
use async_trait::async_trait;
use shared::referral::{AccessCode, DraftAnswers, JoinAnswers, ReferralReference};
use std::sync::Arc;

/// What a referral code is being tried for. Each has its own count of wrong guesses, so one
/// party's guessing can never lock the other out: the referrer's resume and status codes, and the
/// other party's invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePurpose {
    /// The referrer reopening their draft.
    Resume,
    /// The referrer checking a sent referral's progress.
    Status,
    /// The other party opening their invitation.
    Join,
}

impl CodePurpose {
    fn action(self) -> &'static str {
        match self {
            Self::Resume => "referral.draft.resume",
            Self::Status => "referral.status",
            Self::Join => "referral.join.open",
        }
    }

    /// The throttling subject: the purpose (and with it the party) and the reference.
    pub fn subject(self, reference: &ReferralReference) -> String {
        let purpose = match self {
            Self::Resume => "resume",
            Self::Status => "status",
            Self::Join => "join",
        };
        format!("{purpose}:{}", reference.as_str())
    }
}

#[derive(Clone)]
pub struct ReferralService {
    pub store: Store,
    pub cipher: FieldCipher,
    pub clock: Arc<dyn Clock>,
    /// Tells the centre's open inboxes when a referral or a second part arrives.
    pub changes: crate::cases::news::CaseChanges,
    /// Where the site is reached from outside, for links in emails to centres.
    pub public_url: Arc<str>,
}

fn port_error(error: StoreError) -> PortError {
    match error {
        StoreError::CorruptRow(_) | StoreError::Crypto(_) => {
            tracing::error!(%error, "referral data could not be read");
            PortError::CorruptData
        }
        error => {
            tracing::error!(%error, "referral store failed");
            PortError::Unavailable
        }
    }
}

fn progress(s: crate::store::SubmittedReferral) -> ReferralProgress {
    ReferralProgress { status: s.status, centre: s.centre, submitted_on: crate::store::date_of(s.submitted_at) }
}

impl ReferralService {
    async fn audit(&self, action: &'static str, reference: &ReferralReference, outcome: Outcome) {
        let event = AuditEvent {
            actor: Actor::Anonymous,
            action,
            object: Some(reference.as_str().to_owned()),
            outcome,
            detail: String::new(),
        };
        // An audit failure must not lose the person's work, but it is logged loudly.
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, action, "audit entry not written");
        }
    }

    /// Runs a code check with throttling per reference and purpose, and auditing.
    async fn check_code<T, F>(
        &self,
        purpose: CodePurpose,
        reference: &ReferralReference,
        check: F,
    ) -> Result<CodeCheck<T>, PortError>
    where
        F: std::future::Future<Output = Result<Option<T>, StoreError>>,
    {
        let now = self.clock.now();
        let action = purpose.action();
        let subject = purpose.subject(reference);
        // Counted first, atomically, then decided: guesses sent in parallel each get their own
        // place in line and cannot get past the limit; a right code clears the count again.
        let attempt = self.store.attempt(REFERRAL_CODES, &subject, now).await.map_err(port_error)?;
        if !attempt.allowed {
            self.audit(action, reference, Outcome::Denied).await;
            return Ok(CodeCheck::Locked);
        }
        match check.await.map_err(port_error)? {
            Some(value) => {
                self.store.clear_failures(REFERRAL_CODES, &subject).await.map_err(port_error)?;
                self.audit(action, reference, Outcome::Ok).await;
                Ok(CodeCheck::Opened(value))
            }
            None => {
                self.audit(action, reference, Outcome::Failed).await;
                Ok(CodeCheck::Wrong)
            }
        }
    }
}

#[async_trait]
impl Referrals for ReferralService {
    async fn start(&self, answers: &DraftAnswers) -> Result<ReferralReference, PortError> {
        let (reference, _code) =
            self.store.create_draft(&self.cipher, answers, self.clock.now()).await.map_err(port_error)?;
        self.audit("referral.draft.start", &reference, Outcome::Ok).await;
        Ok(reference)
    }

    async fn resume(&self, reference: &ReferralReference, code: &AccessCode) -> Result<CodeCheck<()>, PortError> {
        let now = self.clock.now();
        self.check_code(CodePurpose::Resume, reference, async {
            Ok(self.store.open_draft(&self.cipher, reference, code, now).await?.map(|_| ()))
        })
        .await
    }

    async fn draft(&self, reference: &ReferralReference) -> Result<Option<DraftAnswers>, PortError> {
        self.store.load_draft(&self.cipher, reference, self.clock.now()).await.map_err(port_error)
    }

    async fn save(&self, reference: &ReferralReference, answers: &DraftAnswers) -> Result<bool, PortError> {
        self.store.save_draft(&self.cipher, reference, answers, self.clock.now()).await.map_err(port_error)
    }

    async fn new_code(&self, reference: &ReferralReference) -> Result<Option<AccessCode>, PortError> {
        let code = self.store.reissue_code(reference, self.clock.now()).await.map_err(port_error)?;
        self.audit("referral.code.issue", reference, Outcome::Ok).await;
        Ok(code)
    }

    fn submission_key(&self) -> String {
        crate::platform::secrets::new_token()
    }

    async fn submit(&self, s: SubmitReferral<'_>) -> Result<Sent, PortError> {
        let submission = Submission {
            reference: s.reference,
            key: s.key,
            answers: s.answers,
            centre: s.centre,
            service: s.referral.service,
            light: s.referral.screening.light,
            children: u32::try_from(s.referral.children.len()).unwrap_or(u32::MAX),
            public_url: &self.public_url,
        };
        let outcome =
            self.store.submit_referral(&self.cipher, &submission, self.clock.now()).await.map_err(port_error)?;
        // The store wrote the audit entry in the send's own transaction.
        if outcome == SubmitOutcome::Sent {
            self.changes.announce(s.centre).await;
        }
        Ok(match outcome {
            SubmitOutcome::Sent => Sent::Sent,
            SubmitOutcome::AlreadySent => Sent::AlreadySent,
            SubmitOutcome::NotOpen => Sent::NotOpen,
        })
    }

    async fn progress_with_code(
        &self,
        reference: &ReferralReference,
        code: &AccessCode,
    ) -> Result<CodeCheck<ReferralProgress>, PortError> {
        self.check_code(CodePurpose::Status, reference, async {
            Ok(self.store.submitted_referral(reference, code).await?.map(progress))
        })
        .await
    }

    async fn progress(&self, reference: &ReferralReference) -> Result<Option<ReferralProgress>, PortError> {
        Ok(self.store.referral_status(reference).await.map_err(port_error)?.map(progress))
    }

    async fn invite(&self, reference: &ReferralReference) -> Result<Invite, PortError> {
        let outcome = self.store.invite_other_party(reference, self.clock.now()).await.map_err(port_error)?;
        self.audit("referral.invite", reference, Outcome::Ok).await;
        Ok(match outcome {
            InviteOutcome::Invited(code) => Invite::Invited(code),
            InviteOutcome::AlreadyJoined => Invite::AlreadyJoined,
            InviteOutcome::InProgress => Invite::InProgress,
            InviteOutcome::NotFound => Invite::NotFound,
        })
    }

    async fn open_invitation(
        &self,
        reference: &ReferralReference,
        code: &AccessCode,
    ) -> Result<CodeCheck<String>, PortError> {
        let now = self.clock.now();
        self.check_code(CodePurpose::Join, reference, async { self.store.open_invitation(reference, code, now).await })
            .await
    }

    async fn joiner_code(&self, reference: &ReferralReference, token: &str) -> Result<Option<AccessCode>, PortError> {
        let code = self.store.issue_joiner_code(reference, token, self.clock.now()).await.map_err(port_error)?;
        if code.is_some() {
            self.audit("referral.join.code.issue", reference, Outcome::Ok).await;
        }
        Ok(code)
    }

    async fn joining(&self, reference: &ReferralReference) -> Result<Option<JoinAnswers>, PortError> {
        self.store.load_invitation(&self.cipher, reference, self.clock.now()).await.map_err(port_error)
    }

    async fn save_joining(&self, reference: &ReferralReference, answers: &JoinAnswers) -> Result<bool, PortError> {
        self.store.save_invitation(&self.cipher, reference, answers, self.clock.now()).await.map_err(port_error)
    }

    async fn submit_joining(&self, reference: &ReferralReference, answers: &JoinAnswers) -> Result<bool, PortError> {
        let done = self
            .store
            .submit_invitation(&self.cipher, reference, answers, self.clock.now(), &self.public_url)
            .await
            .map_err(port_error)?;
        if done {
            self.audit("referral.join.submit", reference, Outcome::Ok).await;
            if let Ok(Some(status)) = self.store.referral_status(reference).await {
                self.changes.announce(&status.centre).await;
            }
        }
        Ok(done)
    }
}
