//! Membership behind the app's `Membership` port: NACCC's list of every centre and adding member
//! centres; a centre's managers keeping its public page current (`shared::centre_profile_edit`
//! checks every edit). Each change is audit-logged.

use crate::store::{Actor, AuditEvent, Outcome, Store, StoreError};
use app::pages::membership::{CentreRow, ProfileForm};
use app::ports::{Clock, Membership, PortError, StaffUser};
use async_trait::async_trait;
use shared::account::Role;
use shared::centre_profile_edit::{EditError, ONLINE_FIELD, fields_of, may_take_online_referrals, parse_profile_edit};
use shared::referral::{FieldError, Fields};
use std::sync::Arc;

#[derive(Clone)]
pub struct MembershipService {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
}

fn port_error(error: StoreError) -> PortError {
    tracing::error!(%error, "membership store failed");
    match error {
        StoreError::CorruptRow(_) => PortError::CorruptData,
        _ => PortError::Unavailable,
    }
}

impl MembershipService {
    async fn audit(&self, user: &StaffUser, action: &'static str, slug: &str) {
        let event = AuditEvent {
            actor: Actor::User(user.id),
            action,
            object: Some(format!("centre:{slug}")),
            outcome: Outcome::Ok,
            detail: String::new(),
        };
        if let Err(error) = self.store.record(&event, self.clock.now()).await {
            tracing::error!(%error, "audit entry not written");
        }
    }
}

#[async_trait]
impl Membership for MembershipService {
    async fn profile(&self, user: &StaffUser) -> Result<Option<ProfileForm>, PortError> {
        let (Some(slug), Role::CentreManager) = (user.scope.centre(), user.scope.role()) else { return Ok(None) };
        let Some(profile) = self.store.centre_profile(slug).await.map_err(port_error)? else { return Ok(None) };
        Ok(Some(ProfileForm {
            name: profile.centre.name.to_string(),
            slug: slug.to_string(),
            fields: fields_of(&profile),
        }))
    }

    async fn centres(&self, user: &StaffUser) -> Result<Option<Vec<CentreRow>>, PortError> {
        if user.scope.role() != Role::NacccAdmin {
            return Ok(None);
        }
        let rows = self.store.centres_for_naccc().await.map_err(port_error)?;
        Ok(Some(
            rows.into_iter()
                .map(|(slug, name, service, nation, town, membership, status)| CentreRow {
                    slug,
                    name,
                    service: shared::ServiceType::from_code(&service).ok(),
                    nation: shared::Nation::from_code(&nation).ok(),
                    town,
                    membership: shared::membership::Membership::from_code(&membership),
                    accreditation: shared::AccreditationStatus::from_code(&status).ok(),
                })
                .collect(),
        ))
    }

    async fn add_centre(
        &self,
        user: &StaffUser,
        fields: &Fields,
    ) -> Result<Result<String, Vec<FieldError>>, PortError> {
        if user.scope.role() != Role::NacccAdmin {
            return Ok(Err(Vec::new()));
        }
        let centre = match shared::membership::parse_new_centre(fields) {
            Ok(c) => c,
            Err(errors) => return Ok(Err(errors)),
        };
        let location = crate::platform::postcodes::locate(&centre.postcode.district());
        if !self.store.add_centre(&centre, location, self.clock.today()).await.map_err(port_error)? {
            return Ok(Err(vec![FieldError::new(
                shared::membership::NAME_FIELD,
                &"a centre with this name is already a member: give the new one a name of its own, such as with its town",
            )]));
        }
        self.audit(user, "centre.add", centre.slug.as_str()).await;
        Ok(Ok(centre.slug.to_string()))
    }

    async fn save_profile(&self, user: &StaffUser, fields: &Fields) -> Result<Result<(), Vec<FieldError>>, PortError> {
        let (Some(slug), Role::CentreManager) = (user.scope.centre(), user.scope.role()) else {
            return Ok(Err(Vec::new()));
        };
        let edit = match parse_profile_edit(fields) {
            Ok(edit) => edit,
            Err(errors) => return Ok(Err(errors)),
        };
        let Some(profile) = self.store.centre_profile(slug).await.map_err(port_error)? else {
            return Ok(Err(Vec::new()));
        };
        // A centre not accredited may keep online referrals off, never switch them on itself.
        if edit.accepts_online_referrals
            && !profile.centre.accepts_online_referrals
            && !may_take_online_referrals(profile.accreditation.status)
        {
            return Ok(Err(vec![FieldError::new(ONLINE_FIELD, &EditError::NotAccredited)]));
        }
        self.store.update_profile(slug, &edit).await.map_err(port_error)?;
        self.audit(user, "centre.profile", slug.as_str()).await;
        Ok(Ok(()))
    }
}
