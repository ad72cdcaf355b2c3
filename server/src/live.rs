//! Live updates of centres' inboxes: when a referral arrives or a case changes, every server
//! instance tells its open inbox pages (server-sent events) for that centre. On PostgreSQL the
//! news travels between instances by `NOTIFY case_changes, '<centre>'`, each instance `LISTEN`ing;
//! on SQLite (one instance) an in-process channel carries it. Only a centre's slug travels, never
//! anything about the referral: the page fetches what changed through its (checked) server function.

use crate::store::Store;
use shared::Slug;
use tokio::sync::broadcast;

const CHANNEL: &str = "case_changes";

#[derive(Clone)]
pub struct CaseChanges {
    local: broadcast::Sender<String>,
    store: Store,
}

impl CaseChanges {
    pub fn new(store: Store) -> Self {
        Self { local: broadcast::channel(256).0, store }
    }

    /// News for this instance's open inbox pages: the slugs of centres with a change.
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.local.subscribe()
    }

    /// Tells every instance that `centre`'s referrals changed.
    pub async fn announce(&self, centre: &Slug) {
        match self.store.notify(CHANNEL, centre.as_str()).await {
            // PostgreSQL: the listener (ours included) hears it.
            Ok(true) => {}
            Ok(false) => {
                let _ = self.local.send(centre.as_str().to_owned());
            }
            Err(error) => {
                tracing::warn!(%error, "could not announce a case change; inboxes will catch up on reload");
                let _ = self.local.send(centre.as_str().to_owned());
            }
        }
    }

    /// On PostgreSQL, listens for other instances' (and our own) announcements and passes them to
    /// this instance's pages, reconnecting if the connection drops. Nothing to do on SQLite.
    pub fn spawn_listener(&self) -> Option<tokio::task::JoinHandle<()>> {
        let pool = self.store.postgres_pool()?;
        let local = self.local.clone();
        Some(tokio::spawn(async move {
            loop {
                match sqlx::postgres::PgListener::connect_with(&pool).await {
                    Ok(mut listener) => {
                        if let Err(error) = listener.listen(CHANNEL).await {
                            tracing::warn!(%error, "LISTEN failed; retrying");
                        } else {
                            while let Ok(notification) = listener.recv().await {
                                let _ = local.send(notification.payload().to_owned());
                            }
                        }
                    }
                    Err(error) => tracing::warn!(%error, "could not connect to listen for case changes; retrying"),
                }
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }))
    }
}

/// How often an open stream checks that its user may still see the inbox (signed in, within
/// the session's limits, not disabled, still at that centre): so a stream outlives its sign-out
/// by at most this long. (`AppState::live_recheck`; tests shorten it.)
pub const RECHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// `GET /centre/referrals/events`: a server-sent event `changed` whenever the signed-in centre
/// user's centre has news (nothing about what changed: the page reloads its inbox through its
/// server function). Anyone else gets 401 or 403. The stream is the page's own doing, so it never
/// keeps the session alive; it ends (and the browser's reconnection is refused) once the user's
/// session ends or they lose access, checked before each event and every minute. Each check
/// reloads the session from the store by its id: the copy the stream opened with goes stale as
/// the person keeps working (their requests move its idle clock) or signs out.
pub async fn inbox_events(
    axum::extract::State(state): axum::extract::State<crate::http::AppState>,
    session: tower_sessions::Session,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    use axum::response::sse::{Event, KeepAlive, Sse};
    let ports = crate::http::ports(&state);
    let centre = match centre_of(&session, &ports).await {
        Ok(centre) => centre,
        Err(status) => return status.into_response(),
    };
    // The session's id, not the session: the copy in this request goes stale.
    let Some(session_id) = session.id() else {
        return axum::http::StatusCode::UNAUTHORIZED.into_response();
    };
    let news = state.changes.subscribe();
    let sessions = std::sync::Arc::new(state.sessions.clone());
    let watch = Watch { news, centre, session_id, sessions, ports, recheck_every: state.live_recheck };
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
    centre: String,
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
                Ok(changed) if changed == self.centre => return self.still_allowed().await,
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
        centre_of(&session, &self.ports).await.is_ok_and(|centre| centre == self.centre)
    }
}
