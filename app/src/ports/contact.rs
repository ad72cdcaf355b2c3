//! The contact form's port: anyone may send a message (within the limit); NACCC's
//! administrators read them and mark them handled.

use super::{PortError, StaffUser};
use crate::pages::contact::model::{ContactInbox, Received};
use async_trait::async_trait;
use shared::referral::Fields;

#[async_trait]
pub trait Enquiries: Send + Sync + 'static {
    /// A new key for a contact form: the same form sent twice is kept once.
    fn form_key(&self) -> String;
    /// Seals what a refused form typed for the session that sent it (personal data is never
    /// kept in clear, in the session store either); `None` if it cannot be sealed.
    fn seal_typed(&self, typed: &[u8]) -> Option<String>;
    /// Opens what [`Enquiries::seal_typed`] sealed; `None` if it does not open.
    fn open_typed(&self, sealed: &str) -> Option<Vec<u8>>;
    /// Receives a message once per form `key` from `sender` (the client's address, for the
    /// limit): received, refused with its problems, or over the limit.
    async fn receive(&self, fields: &Fields, key: &str, sender: &str) -> Result<Received, PortError>;
    /// Every message, opened (each view audit-logged); `None` for anyone but NACCC's administrators.
    async fn inbox(&self, user: &StaffUser) -> Result<Option<ContactInbox>, PortError>;
    /// Marks a message handled or not; `None` for anyone but NACCC's administrators, `Some(false)`
    /// if there is no such message.
    async fn mark(&self, user: &StaffUser, id: i64, handled: bool) -> Result<Option<bool>, PortError>;
}
