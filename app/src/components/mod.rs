pub mod exit_this_page;
pub mod layout;
