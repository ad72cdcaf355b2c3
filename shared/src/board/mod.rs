//! The board's strategic indicators: what each indicator is and which objective it serves
//! (`indicators.rs`), targets and red/amber/green (`targets.rs`), the figures worked out from
//! codes, counts and dates (`compute.rs`), and the one disclosure rule every output goes
//! through (`disclosure.rs`) once per quarter (`people.rs`): aggregates only, never a family.
//! `national.rs`: the national quarterly statistics for the Ministry of Justice and Cafcass.

pub mod compute;
pub mod disclosure;
pub mod facts;
pub mod indicators;
pub mod national;
pub mod people;
pub mod registers;
pub mod targets;
