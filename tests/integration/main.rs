//! Integration tests: the real router over HTTP against a fresh database per
//! test, on SQLite or PostgreSQL (`EXAM_TEST_DB`).

mod auth;
mod authorization;
mod directory;
mod roster;
mod sessions;
