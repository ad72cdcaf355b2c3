//! Staff accounts: users, their authenticator secrets (sealed), recovery codes, and failed
//! sign-ins for throttling.

use super::{Store, StoreError, on_read, on_write};
use crate::platform::crypto::{FieldCipher, FieldLocation};
use shared::Slug;
use shared::account::{Role, Scope};

/// A user as stored (no secrets but the password hash, which never leaves the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub scope: Scope,
    pub password_hash: Option<String>,
    pub has_totp: bool,
    pub disabled: bool,
    pub sessions_valid_after: i64,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    name: String,
    role: String,
    centre_slug: Option<String>,
    password_hash: Option<String>,
    has_totp: bool,
    disabled: bool,
    sessions_valid_after: i64,
}

const USER_COLUMNS: &str = "id, email, name, role, centre_slug, password_hash, totp_secret IS NOT NULL AS has_totp, \
     disabled, sessions_valid_after";

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(row: UserRow) -> Result<Self, StoreError> {
        let corrupt = |what: &str| StoreError::CorruptRow(format!("user {}: {what}", row.id));
        let role = Role::from_code(&row.role).ok_or_else(|| corrupt("role"))?;
        let centre = row.centre_slug.as_deref().map(Slug::parse).transpose().map_err(|_| corrupt("centre"))?;
        let scope = Scope::new(role, centre).map_err(|_| corrupt("scope"))?;
        Ok(User {
            id: row.id,
            email: row.email,
            name: row.name,
            scope,
            password_hash: row.password_hash,
            has_totp: row.has_totp,
            disabled: row.disabled,
            sessions_valid_after: row.sessions_valid_after,
        })
    }
}

fn totp_location(id: &str) -> FieldLocation<'_> {
    FieldLocation { table: "users", column: "totp_secret", row: id }
}

/// A new account.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub scope: &'a Scope,
    pub password_hash: Option<&'a str>,
}

impl Store {
    /// Adds a user; `None` if the email is taken.
    pub async fn create_user(&self, user: &NewUser<'_>, now: i64) -> Result<Option<i64>, StoreError> {
        let email = user.email.trim().to_lowercase();
        let id: Option<i64> = on_write!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO users (email, name, role, centre_slug, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id",
            )
            .bind(&email)
            .bind(user.name)
            .bind(user.scope.role().code())
            .bind(user.scope.centre().map(|c| c.as_str()))
            .bind(user.password_hash)
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        Ok(id)
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>, StoreError> {
        let email = email.trim().to_lowercase();
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        let row: Option<UserRow> = on_read!(self, |pool| sqlx::query_as(&sql).bind(&email).fetch_optional(pool).await)?;
        row.map(User::try_from).transpose()
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row: Option<UserRow> = on_read!(self, |pool| sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)?;
        row.map(User::try_from).transpose()
    }

    /// Stores the authenticator secret, sealed to this user's row.
    pub async fn set_totp_secret(&self, cipher: &FieldCipher, id: i64, secret: &[u8]) -> Result<(), StoreError> {
        let row = id.to_string();
        let sealed = cipher.seal(totp_location(&row), secret)?;
        on_write!(self, |pool| {
            sqlx::query("UPDATE users SET totp_secret = $1, totp_last_step = NULL WHERE id = $2")
                .bind(&sealed)
                .bind(id)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Stores a first authenticator secret (sealed); `false` if the user already has one, which
    /// only an administrator's reset may replace.
    pub async fn set_first_totp_secret(
        &self,
        cipher: &FieldCipher,
        id: i64,
        secret: &[u8],
    ) -> Result<bool, StoreError> {
        let row = id.to_string();
        let sealed = cipher.seal(totp_location(&row), secret)?;
        let updated = on_write!(self, |pool| {
            sqlx::query(
                "UPDATE users SET totp_secret = $1, totp_last_step = NULL WHERE id = $2 AND totp_secret IS NULL",
            )
            .bind(&sealed)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(updated == 1)
    }

    /// The authenticator secret and the last step accepted, if the user has one.
    pub async fn totp_secret(
        &self,
        cipher: &FieldCipher,
        id: i64,
    ) -> Result<Option<(Vec<u8>, Option<i64>)>, StoreError> {
        let row: Option<(Option<Vec<u8>>, Option<i64>)> = on_read!(self, |pool| {
            sqlx::query_as("SELECT totp_secret, totp_last_step FROM users WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await
        })?;
        let Some((Some(sealed), last)) = row else { return Ok(None) };
        let secret = cipher.open(totp_location(&id.to_string()), &sealed)?;
        Ok(Some((secret, last)))
    }

    /// Accepts authenticator step `step` once: `false` if it (or a later one) was already used.
    pub async fn use_totp_step(&self, id: i64, step: i64) -> Result<bool, StoreError> {
        let updated = on_write!(self, |pool| {
            sqlx::query(
                "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
            )
            .bind(step)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(updated == 1)
    }

    /// Replaces the user's recovery codes with these hashes.
    pub async fn set_recovery_codes(&self, id: i64, hashes: &[String]) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
                for hash in hashes {
                    sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                        .bind(id)
                        .bind(hash)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await
            }
            .await
        })?;
        Ok(())
    }

    /// Unused recovery codes: (id, hash).
    pub async fn unused_recovery_codes(&self, user: i64) -> Result<Vec<(i64, String)>, StoreError> {
        let rows = on_read!(self, |pool| {
            sqlx::query_as("SELECT id, code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
                .bind(user)
                .fetch_all(pool)
                .await
        })?;
        Ok(rows)
    }

    /// Marks one of `user`'s recovery codes used; `false` if it already was.
    pub async fn use_recovery_code(&self, user: i64, code_id: i64, now: i64) -> Result<bool, StoreError> {
        let updated = on_write!(self, |pool| {
            sqlx::query("UPDATE recovery_codes SET used_at = $1 WHERE id = $2 AND user_id = $3 AND used_at IS NULL")
                .bind(now)
                .bind(code_id)
                .bind(user)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(updated == 1)
    }

    pub async fn set_user_disabled(&self, id: i64, disabled: bool, now: i64) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            sqlx::query("UPDATE users SET disabled = $1, sessions_valid_after = $2 WHERE id = $3")
                .bind(disabled)
                .bind(now)
                .bind(id)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Ends every session the user has: sessions signed in before `now` are refused.
    pub async fn end_user_sessions(&self, id: i64, now: i64) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            sqlx::query("UPDATE users SET sessions_valid_after = $1 WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Every account, by name (administration).
    pub async fn all_users(&self) -> Result<Vec<User>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY id");
        let rows: Vec<UserRow> = on_read!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)?;
        let mut users = rows.into_iter().map(User::try_from).collect::<Result<Vec<_>, _>>()?;
        users.sort_by_key(|u| u.name.to_lowercase());
        Ok(users)
    }

    /// Changes what a user does; their sessions end, so the change holds from their next request.
    pub async fn change_scope(&self, id: i64, scope: &Scope, now: i64) -> Result<bool, StoreError> {
        let updated = on_write!(self, |pool| {
            sqlx::query("UPDATE users SET role = $1, centre_slug = $2, sessions_valid_after = $3, safeguarding_lead = 0 WHERE id = $4")
                .bind(scope.role().code())
                .bind(scope.centre().map(|c| c.as_str()))
                .bind(now)
                .bind(id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(updated == 1)
    }
}
