//! SeaORM entities, one per table of `migrations`. Behaviour lives in the
//! service modules beside this one, never here.

pub mod area;
pub mod assignment;
pub mod login_throttle;
pub mod officer;
pub mod position;
pub mod position_area;
pub mod unit;
pub mod user_account;
pub mod web_session;
