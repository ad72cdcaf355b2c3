//! The live centre dashboard: the caller's centre only, worked out by the shared rule
//! (`shared::returns::dashboard`) from the centre's cases, its returns and every centre's
//! submitted returns (for the national median). Aggregates only: no referral is opened.

use super::{ReturnService, port_error};
use app::pages::dashboard::model::DashboardView;
use app::ports::{PortError, StaffUser};
use shared::returns::Service;
use shared::returns::dashboard::{DashboardInput, TREND_QUARTERS, dashboard};
use shared::returns::lifecycle::quarters_to;
use shared::{Quarter, Slug};

impl ReturnService {
    pub(super) async fn dashboard_of(&self, user: &StaffUser) -> Result<Option<DashboardView>, PortError> {
        let Some(centre) = self.centre_of(user).await? else { return Ok(None) };
        let now = self.clock.now();
        let today = self.clock.today();
        let Ok(quarter) = Quarter::containing(today) else { return Ok(None) };
        let slug: &Slug = &centre.slug;
        let services = Service::of_centre(centre.service);
        let cases = self.store.case_facts(slug.as_str()).await.map_err(port_error)?;
        let referrals = self.store.referral_times(slug.as_str()).await.map_err(port_error)?;
        let records = self.store.returns_of(slug.as_str()).await.map_err(port_error)?;
        let submitted: Vec<(Quarter, shared::returns::Figures)> = records
            .iter()
            .filter(|r| r.state.is_submitted())
            .filter_map(|r| r.figures.clone().map(|f| (r.quarter, f)))
            .collect();
        let draft = records.iter().find(|r| r.quarter == quarter).map(|r| &r.fields);
        let first = quarters_to(quarter, TREND_QUARTERS).first().copied().unwrap_or(quarter);
        let national = self.store.national_referrals(first, quarter).await.map_err(port_error)?;
        let input = DashboardInput {
            today,
            services: &services,
            cases: &cases,
            referrals: &referrals,
            submitted: &submitted,
            draft,
            national: &national,
        };
        let Some(figures) = dashboard(input) else { return Ok(None) };
        Ok(Some(DashboardView {
            name: user.name.clone(),
            role: user.scope.role(),
            centre: centre.name.to_string(),
            services,
            as_of: shared::uk_time::uk_date_time_words(now),
            figures,
        }))
    }
}
