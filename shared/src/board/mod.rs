//! The board's strategic indicators: what each indicator is and which objective it serves
//! (`indicators.rs`), targets and red/amber/green (`targets.rs`), the figures worked out from
//! codes, counts and dates (`compute.rs`), and the one disclosure rule every output goes
//! through (`disclosure.rs`): aggregates only, never a family.

pub mod compute;
pub mod disclosure;
pub mod indicators;
pub mod registers;
pub mod targets;
