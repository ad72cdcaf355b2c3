//! The axum router: Leptos pages and server functions, `/healthz`, static files, request tracing.

use crate::store::Store;
use app::{App, ports::Ports, shell};
use axum::{
    Router,
    extract::{FromRef, State},
    http::StatusCode,
    routing::get,
};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::sync::Arc;
use tower_http::trace::TraceLayer;

/// Everything a handler may need.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    /// Seals and opens sensitive referral fields (used by the referral wizard).
    pub cipher: crate::crypto::FieldCipher,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The ports `app` needs, implemented by the store.
fn ports(store: &Store) -> Ports {
    Ports { centres: Arc::new(store.clone()), postcodes: Arc::new(crate::postcodes::PostcodeTable) }
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let ports = ports(&state.store);
    let provide = move || {
        provide_context(ports.clone());
        leptos::nonce::provide_nonce();
    };
    let router = Router::new()
        .route("/healthz", get(healthz))
        .leptos_routes_with_context(&state, routes, provide.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(provide, shell))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            // Method and path only: query strings may carry postcodes or reference codes.
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
        }))
        .with_state(state);
    crate::security::harden(router)
}

/// 200 when the database answers, 503 when it does not (load balancers take the node out).
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
