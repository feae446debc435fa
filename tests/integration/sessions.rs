//! The SeaORM session store, directly: what any instance saved, any other
//! instance loads; expired sessions are neither loaded nor kept.

use app::ssr::session_store::DbSessionStore;
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{ExpiredDeletion, SessionStore};
use tests::{Backend, TestDatabase};

fn record(expires_in: Duration) -> Record {
    let mut data = HashMap::new();
    data.insert("user".to_owned(), serde_json::json!("someone"));
    Record { id: Id::default(), data, expiry_date: OffsetDateTime::now_utc() + expires_in }
}

#[tokio::test]
async fn sessions_round_trip_between_instances_and_expire() {
    let database = TestDatabase::create(Backend::from_env()).await.expect("database");
    let first = DbSessionStore::new(server::open_database(&database.url).await.expect("db"));
    let second = DbSessionStore::new(server::open_database(&database.url).await.expect("db"));

    let mut live = record(Duration::hours(1));
    first.create(&mut live).await.expect("create");
    let loaded = second.load(&live.id).await.expect("load").expect("present");
    assert_eq!(loaded.data, live.data);
    assert_eq!(loaded.expiry_date.unix_timestamp(), live.expiry_date.unix_timestamp());

    live.data.insert("locale".to_owned(), serde_json::json!("en"));
    second.save(&live).await.expect("update");
    assert_eq!(first.load(&live.id).await.expect("load").map(|r| r.data.len()), Some(2));

    let mut stale = record(Duration::seconds(-5));
    first.create(&mut stale).await.expect("create expired");
    assert!(first.load(&stale.id).await.expect("load").is_none(), "expired sessions are not loaded");
    first.delete_expired().await.expect("cleanup");
    assert!(second.load(&live.id).await.expect("load").is_some(), "live sessions survive the cleanup");

    second.delete(&live.id).await.expect("delete");
    assert!(first.load(&live.id).await.expect("load").is_none());
}
