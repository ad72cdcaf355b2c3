//! The centre directory in the database.

use super::{Store, StoreError, on_read, on_write};
use app::ports::{CentreDirectory, PortError};
use async_trait::async_trait;
use shared::{
    AccreditationStatus, AccreditationSummary, Centre, CentreName, CentreProfile, IsoDate, LatLon, Nation,
    OpeningTimes, Postcode, ProfileText, ServiceType, Slug, centre_profile::parse_languages,
};
use std::{
    sync::Arc,
    time::{Duration, Instant},
};

#[derive(sqlx::FromRow)]
struct CentreRow {
    slug: String,
    name: String,
    service: String,
    nation: String,
    region: String,
    town: String,
    postcode: String,
    accepts_online_referrals: bool,
    opening_times: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    wheelchair_access: bool,
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    #[sqlx(flatten)]
    centre: CentreRow,
    street: String,
    description: String,
    accessibility: String,
    languages: String,
    accreditation_status: String,
    accredited_on: Option<String>,
    renewal_due: Option<String>,
}

fn corrupt(slug: &str, what: &str) -> StoreError {
    StoreError::CorruptRow(format!("centre {slug}: {what}"))
}

impl TryFrom<CentreRow> for Centre {
    type Error = StoreError;

    fn try_from(row: CentreRow) -> Result<Self, Self::Error> {
        let bad = |what: &str| corrupt(&row.slug, what);
        let opening_times = OpeningTimes::parse(&row.opening_times).map_err(|_| bad("opening times"))?;
        let location = match (row.latitude, row.longitude) {
            (Some(lat), Some(lon)) => Some(LatLon::new(lat, lon).map_err(|_| bad("location"))?),
            _ => None,
        };
        Ok(Centre {
            name: CentreName::parse(&row.name).map_err(|_| bad("name"))?,
            slug: Slug::parse(&row.slug).map_err(|_| bad("slug"))?,
            service: ServiceType::from_code(&row.service).map_err(|_| bad("service"))?,
            nation: Nation::from_code(&row.nation).map_err(|_| bad("nation"))?,
            region: CentreName::parse(&row.region).map_err(|_| bad("region"))?,
            town: CentreName::parse(&row.town).map_err(|_| bad("town"))?,
            postcode: Postcode::parse(&row.postcode).map_err(|_| bad("postcode"))?,
            accepts_online_referrals: row.accepts_online_referrals,
            opening_days: opening_times.days(),
            location,
            wheelchair_access: row.wheelchair_access,
        })
    }
}

impl TryFrom<ProfileRow> for CentreProfile {
    type Error = StoreError;

    fn try_from(row: ProfileRow) -> Result<Self, Self::Error> {
        let slug = row.centre.slug.clone();
        let bad = |what: &str| corrupt(&slug, what);
        let date = |d: Option<String>| d.map(|d| IsoDate::parse(&d)).transpose();
        Ok(CentreProfile {
            opening_times: OpeningTimes::parse(&row.centre.opening_times).map_err(|_| bad("opening times"))?,
            centre: Centre::try_from(row.centre)?,
            street: ProfileText::parse(&row.street).map_err(|_| bad("street"))?,
            description: ProfileText::parse(&row.description).map_err(|_| bad("description"))?,
            accessibility: ProfileText::parse(&row.accessibility).map_err(|_| bad("accessibility"))?,
            languages: parse_languages(&row.languages).map_err(|_| bad("languages"))?,
            accreditation: AccreditationSummary {
                status: AccreditationStatus::from_code(&row.accreditation_status).map_err(|_| bad("accreditation"))?,
                last_accredited: date(row.accredited_on).map_err(|_| bad("accredited on"))?,
                renewal_due: date(row.renewal_due).map_err(|_| bad("renewal due"))?,
            },
        })
    }
}

const CENTRE_COLUMNS: &str = "slug, name, service, nation, region, town, postcode, accepts_online_referrals, \
     opening_times, latitude, longitude, wheelchair_access";

const PROFILE_COLUMNS: &str =
    "street, description, accessibility, languages, accreditation_status, accredited_on, renewal_due";

/// Insert, or replace every field of the centre with the same slug (the slug is the identity).
const UPSERT_CENTRE: &str = "INSERT INTO centres \
     (slug, name, service, nation, region, town, postcode, accepts_online_referrals, opening_times, opening_days, \
      latitude, longitude, wheelchair_access, street, description, accessibility, languages, \
      accreditation_status, accredited_on, renewal_due) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) \
     ON CONFLICT (slug) DO UPDATE SET name = excluded.name, service = excluded.service, \
      nation = excluded.nation, region = excluded.region, town = excluded.town, postcode = excluded.postcode, \
      accepts_online_referrals = excluded.accepts_online_referrals, opening_times = excluded.opening_times, \
      opening_days = excluded.opening_days, latitude = excluded.latitude, longitude = excluded.longitude, \
      wheelchair_access = excluded.wheelchair_access, street = excluded.street, \
      description = excluded.description, accessibility = excluded.accessibility, \
      languages = excluded.languages, accreditation_status = excluded.accreditation_status, \
      accredited_on = excluded.accredited_on, renewal_due = excluded.renewal_due";

/// How long a parsed directory is reused. Writes through this process clear it at once; with
/// several app servers on one PostgreSQL database, another server's edit shows within this time.
pub const DIRECTORY_TTL: Duration = Duration::from_secs(60);

pub(crate) struct CachedDirectory {
    loaded: Instant,
    centres: Arc<Vec<Centre>>,
}

impl Store {
    /// The centre directory from memory when fresh, else from the database.
    pub async fn directory(&self) -> Result<Arc<Vec<Centre>>, StoreError> {
        if let Some(centres) = self.cached_directory() {
            return Ok(centres);
        }
        let centres = Arc::new(self.all_centres().await?);
        if let Ok(mut cache) = self.directory.lock() {
            *cache = Some(CachedDirectory { loaded: Instant::now(), centres: Arc::clone(&centres) });
        }
        Ok(centres)
    }

    fn cached_directory(&self) -> Option<Arc<Vec<Centre>>> {
        let cache = self.directory.lock().ok()?;
        cache.as_ref().filter(|c| c.loaded.elapsed() < DIRECTORY_TTL).map(|c| Arc::clone(&c.centres))
    }

    pub(super) fn forget_directory(&self) {
        if let Ok(mut cache) = self.directory.lock() {
            *cache = None;
        }
    }

    /// Every member centre (suspended and removed ones are not listed), ordered by name (sorted here, not in SQL, so both backends agree whatever
    /// the PostgreSQL collation).
    pub async fn all_centres(&self) -> Result<Vec<Centre>, StoreError> {
        let sql = format!("SELECT {CENTRE_COLUMNS} FROM centres WHERE membership = 'member'");
        let rows: Vec<CentreRow> = on_read!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)?;
        let mut centres = rows.into_iter().map(Centre::try_from).collect::<Result<Vec<_>, _>>()?;
        centres.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.slug.cmp(&b.slug)));
        Ok(centres)
    }

    pub async fn centre_profile(&self, slug: &Slug) -> Result<Option<CentreProfile>, StoreError> {
        let sql = format!("SELECT {CENTRE_COLUMNS}, {PROFILE_COLUMNS} FROM centres WHERE slug = $1");
        let row: Option<ProfileRow> =
            on_read!(self, |pool| sqlx::query_as(&sql).bind(slug.as_str()).fetch_optional(pool).await)?;
        row.map(CentreProfile::try_from).transpose()
    }

    pub async fn count_centres(&self) -> Result<i64, StoreError> {
        let count: (i64,) =
            on_read!(self, |pool| sqlx::query_as("SELECT COUNT(*) FROM centres").fetch_one(pool).await)?;
        Ok(count.0)
    }

    /// Every centre NACCC has, members or not: (slug, name, service, nation, town, membership,
    /// accreditation status), ordered by name.
    pub async fn centres_for_naccc(
        &self,
    ) -> Result<Vec<(String, String, String, String, String, String, String)>, StoreError> {
        let mut rows: Vec<(String, String, String, String, String, String, String)> = on_read!(self, |pool| {
            sqlx::query_as("SELECT slug, name, service, nation, town, membership, accreditation_status FROM centres")
                .fetch_all(pool)
                .await
        })?;
        rows.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        Ok(rows)
    }

    /// Adds a member centre (a candidate until accredited); false if its address is taken.
    pub async fn add_centre(
        &self,
        c: &shared::membership::NewCentre,
        location: Option<LatLon>,
        joined_on: time::Date,
    ) -> Result<bool, StoreError> {
        let n = on_write!(self, |pool| {
            sqlx::query(
                "INSERT INTO centres (slug, name, service, nation, region, town, postcode, accepts_online_referrals, \
                 opening_days, latitude, longitude, joined_on) VALUES ($1, $2, 'candidate', $3, $4, $5, $6, $7, 0, $8, $9, $10) \
                 ON CONFLICT (slug) DO NOTHING",
            )
            .bind(c.slug.as_str())
            .bind(c.name.as_str())
            .bind(c.nation.code())
            .bind(c.region.as_str())
            .bind(c.town.as_str())
            .bind(c.postcode.as_str())
            .bind(false)
            .bind(location.map(LatLon::lat))
            .bind(location.map(LatLon::lon))
            .bind(joined_on.to_string())
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        self.forget_directory();
        Ok(n == 1)
    }

    /// A manager's edit of the centre's public page; whether the centre was there.
    pub async fn update_profile(
        &self,
        slug: &Slug,
        edit: &shared::centre_profile_edit::ProfileEdit,
    ) -> Result<bool, StoreError> {
        let n = on_write!(self, |pool| {
            sqlx::query(
                "UPDATE centres SET description = $2, opening_times = $3, opening_days = $4, accessibility = $5, \
                 wheelchair_access = $6, languages = $7, accepts_online_referrals = $8 WHERE slug = $1",
            )
            .bind(slug.as_str())
            .bind(edit.description.as_str())
            .bind(edit.opening_times.to_string())
            // Derived from the opening times, so the two never disagree.
            .bind(i32::from(edit.opening_times.days().bits()))
            .bind(edit.accessibility.as_str())
            .bind(edit.wheelchair_access)
            .bind(edit.languages.join(", "))
            .bind(edit.accepts_online_referrals)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        self.forget_directory();
        Ok(n == 1)
    }

    /// Adds centres, or updates those whose slug exists, in one transaction.
    pub async fn save_centres(&self, profiles: &[CentreProfile]) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            let mut tx = pool.begin().await?;
            for p in profiles {
                let c = &p.centre;
                sqlx::query(UPSERT_CENTRE)
                    .bind(c.slug.as_str())
                    .bind(c.name.as_str())
                    .bind(c.service.code())
                    .bind(c.nation.code())
                    .bind(c.region.as_str())
                    .bind(c.town.as_str())
                    .bind(c.postcode.as_str())
                    .bind(c.accepts_online_referrals)
                    .bind(p.opening_times.to_string())
                    // Derived from the opening times, so the two never disagree.
                    .bind(i32::from(p.opening_times.days().bits()))
                    .bind(c.location.map(LatLon::lat))
                    .bind(c.location.map(LatLon::lon))
                    .bind(c.wheelchair_access)
                    .bind(p.street.as_str())
                    .bind(p.description.as_str())
                    .bind(p.accessibility.as_str())
                    .bind(p.languages.join(", "))
                    .bind(p.accreditation.status.code())
                    .bind(p.accreditation.last_accredited.map(|d| d.to_string()))
                    .bind(p.accreditation.renewal_due.map(|d| d.to_string()))
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<(), StoreError>(())
        })?;
        self.forget_directory();
        Ok(())
    }
}

fn port_error(error: StoreError) -> PortError {
    tracing::error!(%error, "centre directory failed");
    match error {
        StoreError::CorruptRow(_) => PortError::CorruptData,
        _ => PortError::Unavailable,
    }
}

#[async_trait]
impl CentreDirectory for Store {
    async fn all_centres(&self) -> Result<Arc<Vec<Centre>>, PortError> {
        self.directory().await.map_err(port_error)
    }

    async fn centre_profile(&self, slug: &Slug) -> Result<Option<CentreProfile>, PortError> {
        Store::centre_profile(self, slug).await.map_err(port_error)
    }
}
