//! The web layer: the axum router and the state it hands the app's ports, security headers and
//! page policy, the edge (client address, public rate limit), the live inbox stream, the browser's static files.

pub mod downloads;
pub mod edge;
pub mod evidence;
pub mod form_failure;
pub mod live_stream;
pub mod router;
pub mod security;
pub mod static_files;
