pub mod checked;
pub mod exit_this_page;
pub mod form;
pub mod layout;
pub mod swap;
