//! Server-only code: the database, sessions and the services that server
//! functions call. None of it is compiled into the browser bundle.

pub mod accounts;
pub mod db;
pub mod directory;
pub mod entities;
pub mod roster;
pub mod seed;
pub mod session_store;

use crate::error::AppError;
use accounts::CurrentUser;
use axum::extract::FromRef;
use domain::{Role, UserId};
use leptos::prelude::{LeptosOptions, use_context};
use sea_orm::DatabaseConnection;
use tower_sessions::Session;

/// Everything a request handler may need, handed over by type.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
}

const SESSION_USER: &str = "user";

/// The database of the current request (provided as context by the server).
pub fn db() -> Result<DatabaseConnection, AppError> {
    use_context::<AppState>().map(|s| s.db).ok_or_else(|| {
        tracing::error!("AppState missing from the request context");
        AppError::Unexpected
    })
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|e| {
        tracing::error!(error = %e, "no session layer");
        AppError::Unexpected
    })
}

/// The signed-in user, read fresh from the database so that a removed account
/// or a changed role takes effect at once on every instance.
pub async fn signed_in() -> Result<Option<CurrentUser>, AppError> {
    let session = session().await?;
    let Some(id) = session.get::<UserId>(SESSION_USER).await.map_err(|_| AppError::Unexpected)? else {
        return Ok(None);
    };
    accounts::find_user(&db()?, id).await
}

/// The caller, who must hold one of `roles`.
pub async fn require(roles: &[Role]) -> Result<CurrentUser, AppError> {
    let user = signed_in().await?.ok_or(AppError::Unauthenticated)?;
    if roles.contains(&user.role) { Ok(user) } else { Err(AppError::Forbidden) }
}

/// Binds the session to `user` under a new session id, so an id seen before
/// login (a fixation attack) is worthless after it.
pub async fn start_session(user: &CurrentUser) -> Result<(), AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(|_| AppError::Unexpected)?;
    session.insert(SESSION_USER, user.id).await.map_err(|_| AppError::Unexpected)
}

pub async fn end_session() -> Result<(), AppError> {
    session().await?.flush().await.map_err(|_| AppError::Unexpected)
}

/// Runs a server function's body; an error answers with the HTTP status that
/// names it (401, 403, 404, 422), not a blanket 500, so proxies, logs and API
/// clients can tell a refusal from a failure.
pub async fn answer<T>(body: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(error) = &result
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(error.status());
    }
    result
}

/// Today in Vietnam (UTC+7), the day that decides which assignment is in force.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().to_offset(time::macros::offset!(+7)).date()
}
