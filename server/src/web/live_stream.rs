//! `GET /centre/referrals/events` (a centre's inbox and dashboard) and `GET /board/events` (the
//! board's indicators): live streams (server-sent events), fed by `cases::news`, each check of
//! its user made on the session as stored now.

use crate::cases::news::CaseChanges;
use crate::store::SessionStore;
use tokio::sync::broadcast;

/// What the stream needs of the server's state (the router makes it from its `AppState`).
#[derive(Clone)]
pub struct StreamState {
    pub ports: app::ports::Ports,
    pub sessions: SessionStore,
    pub changes: CaseChanges,
    /// How often a stream rechecks its session ([`RECHECK_EVERY`] in service).
    pub recheck_every: std::time::Duration,
}

/// How often an open stream checks that its user may still see the inbox (signed in, within
/// the session's limits, not disabled, still at that centre): so a stream outlives its sign-out
/// by at most this long. (`AppState::live_recheck`; tests shorten it.)
pub const RECHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// `GET /centre/referrals/events`: a server-sent event `changed` whenever the signed-in centre
/// user's centre has news (nothing about what changed: the page fetches its inbox again, as the
/// server renders it). Anyone else gets 401 or 403. The stream is the page's own doing, so it never
/// keeps the session alive; it ends (and the browser's reconnection is refused) once the user's
/// session ends or they lose access, checked before each event and every minute. Each check
/// reloads the session from the store by its id: the copy the stream opened with goes stale as
/// the person keeps working (their requests move its idle clock) or signs out.
pub async fn inbox_events(
    axum::extract::State(state): axum::extract::State<StreamState>,
    session: tower_sessions::Session,
) -> axum::response::Response {
    stream(state, session, Watching::Centre).await
}

/// `GET /board/events`: `changed` whenever any centre's referrals or returns change, for board
/// members and NACCC (the news names a centre; the stream passes on only that something changed,
/// and the page fetches its aggregates again).
pub async fn board_events(
    axum::extract::State(state): axum::extract::State<StreamState>,
    session: tower_sessions::Session,
) -> axum::response::Response {
    stream(state, session, Watching::Network).await
}

/// What a stream is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Watching {
    /// The signed-in centre user's own centre.
    Centre,
    /// Every centre, as aggregates (the board).
    Network,
}

async fn stream(state: StreamState, session: tower_sessions::Session, watching: Watching) -> axum::response::Response {
    use axum::response::IntoResponse;
    use axum::response::sse::{Event, KeepAlive, Sse};
    let ports = state.ports;
    let centre = match follows(&session, &ports, watching).await {
        Ok(centre) => centre,
        Err(status) => return status.into_response(),
    };
    // The session's id, not the session: the copy in this request goes stale.
    let Some(session_id) = session.id() else {
        return axum::http::StatusCode::UNAUTHORIZED.into_response();
    };
    let news = state.changes.subscribe();
    let sessions = std::sync::Arc::new(state.sessions.clone());
    let watch = Watch { news, watching, centre, session_id, sessions, ports, recheck_every: state.recheck_every };
    let events = futures_util::stream::unfold(watch, |mut watch| async move {
        if !watch.next_news().await {
            return None;
        }
        // Browsers drop an event whose data is empty, so it carries a token one.
        let event = Event::default().event("changed").data("1");
        Some((Ok::<_, std::convert::Infallible>(event), watch))
    });
    let mut response = Sse::new(events).keep_alive(KeepAlive::default()).into_response();
    response.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    response
}

/// The centre whose news the session's user may follow (`None`: every centre's, for the
/// board), or the status that refuses them.
async fn follows(
    session: &tower_sessions::Session,
    ports: &app::ports::Ports,
    watching: Watching,
) -> Result<Option<String>, axum::http::StatusCode> {
    use axum::http::StatusCode;
    match watching {
        Watching::Centre => centre_of(session, ports).await.map(Some),
        Watching::Network => {
            let user = match app::auth::user_of(session, ports, app::auth::Activity::Background).await {
                Ok(user) => user,
                Err(app::auth::Denied::SignIn) => return Err(StatusCode::UNAUTHORIZED),
                Err(_) => return Err(StatusCode::SERVICE_UNAVAILABLE),
            };
            if app::pages::staff::Area::Board.roles().contains(&user.scope.role()) {
                Ok(None)
            } else {
                Err(StatusCode::FORBIDDEN)
            }
        }
    }
}

/// The centre the session's user may watch, or the status that refuses them.
async fn centre_of(
    session: &tower_sessions::Session,
    ports: &app::ports::Ports,
) -> Result<String, axum::http::StatusCode> {
    use axum::http::StatusCode;
    let user = match app::auth::user_of(session, ports, app::auth::Activity::Background).await {
        Ok(user) => user,
        Err(app::auth::Denied::SignIn) => return Err(StatusCode::UNAUTHORIZED),
        Err(_) => return Err(StatusCode::SERVICE_UNAVAILABLE),
    };
    if !app::pages::staff::Area::Centre.roles().contains(&user.scope.role()) {
        return Err(StatusCode::FORBIDDEN);
    }
    user.scope.centre().map(ToString::to_string).ok_or(StatusCode::FORBIDDEN)
}

/// One open stream: the news it waits for, and whose it is.
struct Watch {
    news: broadcast::Receiver<String>,
    watching: Watching,
    /// `None`: every centre.
    centre: Option<String>,
    session_id: tower_sessions::session::Id,
    sessions: std::sync::Arc<crate::store::SessionStore>,
    ports: app::ports::Ports,
    recheck_every: std::time::Duration,
}

impl Watch {
    /// Waits for news of this centre: `true` to send it, `false` to end the stream.
    async fn next_news(&mut self) -> bool {
        let mut recheck = tokio::time::interval(self.recheck_every);
        recheck.reset();
        loop {
            let news = tokio::select! {
                news = self.news.recv() => news,
                _ = recheck.tick() => {
                    if !self.still_allowed().await {
                        return false;
                    }
                    continue;
                }
            };
            match news {
                Ok(changed) if self.centre.as_ref().is_none_or(|c| *c == changed) => {
                    return self.still_allowed().await;
                }
                Ok(_) => {}
                // Missed some: say "changed" anyway, the page will look.
                Err(broadcast::error::RecvError::Lagged(_)) => return self.still_allowed().await,
                Err(broadcast::error::RecvError::Closed) => return false,
            }
        }
    }

    /// Judged on the session as stored now. This copy is never saved, and a `Background` check
    /// never ends a session: only the person's own requests (and sign-out) change it.
    async fn still_allowed(&self) -> bool {
        let session = tower_sessions::Session::new(Some(self.session_id), self.sessions.clone(), None);
        follows(&session, &self.ports, self.watching).await.is_ok_and(|centre| centre == self.centre)
    }
}
