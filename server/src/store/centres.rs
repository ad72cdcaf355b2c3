//! The centre directory in the database.

use super::{Store, StoreError, on_read, on_write};
use app::ports::{CentreDirectory, PortError};
use async_trait::async_trait;
use shared::{Centre, CentreName, Nation, OpeningDays, Postcode, ServiceType, Slug};

/// A centre to add to the directory (demo data and, later, NACCC administration).
pub type NewCentre = Centre;

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
    opening_days: i32,
}

impl TryFrom<CentreRow> for Centre {
    type Error = StoreError;

    fn try_from(row: CentreRow) -> Result<Self, Self::Error> {
        let corrupt = |what: &str| StoreError::CorruptRow(format!("centre {}: {what}", row.slug));
        Ok(Centre {
            name: CentreName::parse(&row.name).map_err(|_| corrupt("name"))?,
            slug: Slug::parse(&row.slug).map_err(|_| corrupt("slug"))?,
            service: ServiceType::from_code(&row.service).map_err(|_| corrupt("service"))?,
            nation: Nation::from_code(&row.nation).map_err(|_| corrupt("nation"))?,
            region: CentreName::parse(&row.region).map_err(|_| corrupt("region"))?,
            town: CentreName::parse(&row.town).map_err(|_| corrupt("town"))?,
            postcode: Postcode::parse(&row.postcode).map_err(|_| corrupt("postcode"))?,
            accepts_online_referrals: row.accepts_online_referrals,
            opening_days: u8::try_from(row.opening_days)
                .ok()
                .and_then(|bits| OpeningDays::from_bits(bits).ok())
                .ok_or_else(|| corrupt("opening days"))?,
        })
    }
}

const SELECT_CENTRES: &str = "SELECT slug, name, service, nation, region, town, postcode, \
     accepts_online_referrals, opening_days FROM centres";

const INSERT_CENTRE: &str = "INSERT INTO centres \
     (slug, name, service, nation, region, town, postcode, accepts_online_referrals, opening_days) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (slug) DO NOTHING";

impl Store {
    /// Every centre, ordered by name (sorted here, not in SQL, so both backends agree whatever
    /// the PostgreSQL collation).
    pub async fn all_centres(&self) -> Result<Vec<Centre>, StoreError> {
        let rows: Vec<CentreRow> = on_read!(self, |pool| sqlx::query_as(SELECT_CENTRES).fetch_all(pool).await)?;
        let mut centres = rows.into_iter().map(Centre::try_from).collect::<Result<Vec<_>, _>>()?;
        centres.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.slug.cmp(&b.slug)));
        Ok(centres)
    }

    pub async fn count_centres(&self) -> Result<i64, StoreError> {
        let count: (i64,) =
            on_read!(self, |pool| sqlx::query_as("SELECT COUNT(*) FROM centres").fetch_one(pool).await)?;
        Ok(count.0)
    }

    /// Adds centres in one transaction; a centre whose slug exists already is left as it is.
    /// Returns how many were added.
    pub async fn add_centres(&self, centres: &[NewCentre]) -> Result<u64, StoreError> {
        on_write!(self, |pool| {
            let mut tx = pool.begin().await?;
            let mut added = 0;
            for c in centres {
                added += sqlx::query(INSERT_CENTRE)
                    .bind(c.slug.as_str())
                    .bind(c.name.as_str())
                    .bind(c.service.code())
                    .bind(c.nation.code())
                    .bind(c.region.as_str())
                    .bind(c.town.as_str())
                    .bind(c.postcode.as_str())
                    .bind(c.accepts_online_referrals)
                    .bind(i32::from(c.opening_days.bits()))
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            }
            tx.commit().await?;
            Ok(added)
        })
    }
}

#[async_trait]
impl CentreDirectory for Store {
    async fn all_centres(&self) -> Result<Vec<Centre>, PortError> {
        Store::all_centres(self).await.map_err(|error| {
            tracing::error!(%error, "listing centres failed");
            match error {
                StoreError::CorruptRow(_) => PortError::CorruptData,
                _ => PortError::Unavailable,
            }
        })
    }
}
