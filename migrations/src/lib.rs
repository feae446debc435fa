//! The database schema, as one ordered list of migrations that runs the same
//! on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m0001_organisation_and_accounts;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m0001_organisation_and_accounts::Migration)]
    }
}
