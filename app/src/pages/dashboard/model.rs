//! What the dashboard page needs, as it crosses from the server function to the page.

use serde::{Deserialize, Serialize};
use shared::account::Role;
use shared::returns::Service;
use shared::returns::dashboard::Dashboard;

/// `/centre`: the signed-in person and their centre's figures as of now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DashboardView {
    pub name: String,
    pub role: Role,
    pub centre: String,
    pub services: Vec<Service>,
    /// When the figures were worked out: "6 December 2026 at 10:42".
    pub as_of: String,
    pub figures: Dashboard,
}
