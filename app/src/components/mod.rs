pub mod chart;
pub mod checked;
pub mod choices;
pub mod exit_this_page;
pub mod form;
pub mod layout;
pub mod live_regions;
pub mod swap;
