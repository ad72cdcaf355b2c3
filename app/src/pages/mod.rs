pub mod centre;
pub mod error;
pub mod find_centre;
pub mod home;
