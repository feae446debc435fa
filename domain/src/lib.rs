//! The rules of the assessment platform as plain functions over plain types.
//!
//! Nothing here reads a clock, a database, a file or a global random number
//! generator: callers pass `today`, seeds and bytes in, so every rule is
//! unit-tested and benchmarked on its own.

pub mod auth;
pub mod codes;
pub mod grade;
pub mod ids;
pub mod roster;
pub mod role;
pub mod text;
pub mod unit;

pub use codes::{AreaCode, PositionCode, UnitCode};
pub use grade::Grade;
pub use ids::*;
pub use role::Role;
