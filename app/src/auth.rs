//! Who is signed in, on the server: the session holds the user's id and when they signed in;
//! every request reloads the user, so disabling them or changing their role takes effect at once.
//! Idle and absolute limits (`shared::durations::IDLE_SIGN_OUT`, `LONGEST_SESSION`) are checked
//! against the app's clock.

use crate::ports::StaffUser;
use shared::account::Role;
use tower_sessions::Session;

const USER: &str = "auth.user";
const SIGNED_IN_AT: &str = "auth.signed_in_at";
const LAST_SEEN: &str = "auth.last_seen";
/// Between a right password and a right code.
pub const PENDING: &str = "auth.pending";
/// When the password was right: the code must follow within `PENDING_LIMIT_SECS`.
pub const PENDING_AT: &str = "auth.pending_at";
pub const PENDING_LIMIT_SECS: i64 = 10 * 60;
/// A sealed authenticator secret waiting to be confirmed.
pub const ENROLMENT: &str = "auth.enrolment";

pub const IDLE_LIMIT_SECS: i64 = shared::durations::IDLE_SIGN_OUT.as_secs();
pub const ABSOLUTE_LIMIT_SECS: i64 = shared::durations::LONGEST_SESSION.as_secs();

/// Why a request may not go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Not signed in (or the session ended): sign in first.
    SignIn,
    /// Signed in, but this is not for their role.
    Forbidden,
    Unavailable,
}

pub async fn session() -> Result<Session, Denied> {
    leptos_axum::extract::<Session>().await.map_err(|_| Denied::Unavailable)
}

fn now() -> Result<i64, Denied> {
    Ok(crate::ports::use_ports().map_err(|_| Denied::Unavailable)?.clock.now())
}

/// Marks the session as signed in for `user`, with a new session id.
pub async fn sign_in(session: &Session, user: i64) -> Result<(), Denied> {
    let now = now()?;
    session.cycle_id().await.map_err(|_| Denied::Unavailable)?;
    let _ = session.remove::<i64>(PENDING).await;
    let _ = session.remove::<i64>(PENDING_AT).await;
    let _ = session.remove::<String>(ENROLMENT).await;
    session.insert(USER, user).await.map_err(|_| Denied::Unavailable)?;
    session.insert(SIGNED_IN_AT, now).await.map_err(|_| Denied::Unavailable)?;
    session.insert(LAST_SEEN, now).await.map_err(|_| Denied::Unavailable)?;
    session.set_expiry(Some(tower_sessions::Expiry::OnInactivity(time::Duration::seconds(IDLE_LIMIT_SECS))));
    Ok(())
}

/// Whether a request is the person at the screen or the page refreshing itself (the live
/// inbox). Only the person's own requests keep an idle session alive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Person,
    Background,
}

/// The signed-in user, if the session is within its limits and the user may still act.
pub async fn current_user() -> Result<StaffUser, Denied> {
    current_user_by(Activity::Person).await
}

async fn current_user_by(activity: Activity) -> Result<StaffUser, Denied> {
    let session = session().await?;
    let ports = crate::ports::use_ports().map_err(|_| Denied::Unavailable)?;
    let user = user_of(&session, &ports, activity).await?;
    no_store();
    Ok(user)
}

/// The user signed in on `session` (also for handlers outside Leptos, like the live-updates
/// stream). A `Background` check leaves the session alone: it neither moves the idle clock nor
/// ends a session past its limits (the person's next request does that).
pub async fn user_of(session: &Session, ports: &crate::ports::Ports, activity: Activity) -> Result<StaffUser, Denied> {
    let now = ports.clock.now();
    // A session that cannot be read just now (the database busy) is not a signed-out one.
    let get = |key: &'static str| {
        let session = session.clone();
        async move { session.get::<i64>(key).await.map_err(|_| Denied::Unavailable) }
    };
    let (Some(user), Some(signed_in_at), Some(last_seen)) =
        (get(USER).await?, get(SIGNED_IN_AT).await?, get(LAST_SEEN).await?)
    else {
        return Err(Denied::SignIn);
    };
    let end = || async {
        if activity == Activity::Person {
            let _ = session.flush().await;
        }
        Err(Denied::SignIn)
    };
    if now - last_seen > IDLE_LIMIT_SECS || now - signed_in_at > ABSOLUTE_LIMIT_SECS {
        return end().await;
    }
    let Some(staff) = ports.accounts.active_user(user, signed_in_at).await.map_err(|_| Denied::Unavailable)? else {
        return end().await;
    };
    if activity == Activity::Person {
        session.insert(LAST_SEEN, now).await.map_err(|_| Denied::Unavailable)?;
    }
    Ok(staff)
}

/// As [`require`], for handlers outside Leptos (downloads): the user on `session` if their role
/// is one of `roles`; a refusal is audit-logged as a page's is.
pub async fn user_in_role(session: &Session, ports: &crate::ports::Ports, roles: &[Role]) -> Result<StaffUser, Denied> {
    let user = user_of(session, ports, Activity::Person).await?;
    if roles.contains(&user.scope.role()) {
        return Ok(user);
    }
    ports.accounts.audit("access.denied", Some(user.id), None, false).await;
    Err(Denied::Forbidden)
}

/// The signed-in user if their role is one of `roles` (deny by default).
pub async fn require(roles: &[Role]) -> Result<StaffUser, Denied> {
    require_by(roles, Activity::Person).await
}

/// As [`require`], for a request the page made by itself.
pub async fn require_by(roles: &[Role], activity: Activity) -> Result<StaffUser, Denied> {
    let user = current_user_by(activity).await?;
    if roles.contains(&user.scope.role()) {
        Ok(user)
    } else {
        if let Ok(ports) = crate::ports::use_ports() {
            ports.accounts.audit("access.denied", Some(user.id), None, false).await;
        }
        Err(Denied::Forbidden)
    }
}

pub use crate::request::no_store;
