//! What the server functions need from the outside world, as traits (ports).
//!
//! `server/` implements them over SQLite or PostgreSQL and hands them in through Leptos context
//! ([`Ports`]), so `app` never depends on `server` and each port can be tested on its own.

use async_trait::async_trait;
use leptos::prelude::*;
use shared::{Centre, CentreProfile, LatLon, PostcodeDistrict, Slug};
use std::sync::Arc;

/// A failure of a port. The cause is logged by the implementation; callers only learn its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PortError {
    #[error("the store is unavailable")]
    Unavailable,
    #[error("stored data is invalid")]
    CorruptData,
}

/// The public directory of centres.
#[async_trait]
pub trait CentreDirectory: Send + Sync + 'static {
    /// Every member centre, ordered by name. Shared, because it is read on every search.
    async fn all_centres(&self) -> Result<Arc<Vec<Centre>>, PortError>;

    /// One centre's public page, if there is a centre with this slug.
    async fn centre_profile(&self, slug: &Slug) -> Result<Option<CentreProfile>, PortError>;
}

/// Postcode district → location, offline.
pub trait PostcodeLocator: Send + Sync + 'static {
    fn locate(&self, district: &PostcodeDistrict) -> Option<LatLon>;
}

/// All ports, as provided to every request's reactive context.
#[derive(Clone)]
pub struct Ports {
    pub centres: Arc<dyn CentreDirectory>,
    pub postcodes: Arc<dyn PostcodeLocator>,
}

/// The ports of the current request, or `Unavailable` if the server forgot to provide them.
pub fn use_ports() -> Result<Ports, crate::error::AppError> {
    use_context::<Ports>().ok_or_else(|| {
        tracing::error!("Ports missing from the request context");
        crate::error::AppError::Unavailable
    })
}

impl From<PortError> for crate::error::AppError {
    fn from(_: PortError) -> Self {
        Self::Unavailable
    }
}
