//! The HTTP application: one `Application::build` path for production and tests.

use anyhow::Context;
use app::app::{App, shell};
use app::pages::unit_admin::MAX_ROSTER_BYTES;
use app::ssr::AppState;
use app::ssr::session_store::DbSessionStore;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use leptos::prelude::{LeptosOptions, provide_context};
use leptos_axum::{LeptosRoutes, generate_route_list};
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use std::future::Future;
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{Expiry, SessionManagerLayer};

/// How the server runs; read from the command line and the environment.
#[derive(Clone, Debug)]
pub struct Settings {
    pub bind: SocketAddr,
    /// Where the hydration bundle (`pkg/`) and static files are served from.
    pub site_root: String,
    /// Set the session cookie `Secure`: on whenever users reach the server over HTTPS.
    pub secure_cookies: bool,
}

/// Connects and brings the schema up to date.
pub async fn open_database(url: &str) -> anyhow::Result<DatabaseConnection> {
    if let Some(path) = url.strip_prefix("sqlite://").and_then(|p| p.split('?').next())
        && let Some(dir) = std::path::Path::new(path).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let db = app::ssr::db::connect(url).await.with_context(|| format!("connecting to {}", redact(url)))?;
    Migrator::up(&db, None).await.context("running migrations")?;
    Ok(db)
}

/// The database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

pub struct Application {
    listener: TcpListener,
    router: Router,
}

impl Application {
    pub async fn build(settings: Settings, db: DatabaseConnection) -> anyhow::Result<Self> {
        let leptos_options = LeptosOptions::builder()
            .output_name("app")
            .site_root(settings.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(settings.bind)
            .build();
        let state = AppState { db: db.clone(), leptos_options: leptos_options.clone() };

        let store = DbSessionStore::new(db);
        // Expired sessions are refused on load anyway; this only reclaims space.
        tokio::spawn({
            let store = store.clone();
            async move {
                let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
                loop {
                    every.tick().await;
                    if let Err(e) = store.delete_expired().await {
                        tracing::warn!(error = %e, "deleting expired sessions failed");
                    }
                }
            }
        });
        let sessions = SessionManagerLayer::new(store)
            .with_name("exam_session")
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(settings.secure_cookies)
            .with_expiry(Expiry::OnInactivity(time::Duration::hours(8)));

        let context = {
            let state = state.clone();
            move || provide_context(state.clone())
        };
        let routes = generate_route_list(App);
        let router = Router::new()
            .route("/healthz", get(healthz))
            .leptos_routes_with_context(&state, routes, context.clone(), {
                let options = leptos_options.clone();
                move || shell(options.clone())
            })
            .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
            .layer(sessions)
            .layer(DefaultBodyLimit::max(MAX_ROSTER_BYTES + 1024 * 1024))
            .layer(TraceLayer::new_for_http())
            .with_state(state);

        let listener = TcpListener::bind(settings.bind).await.with_context(|| format!("binding {}", settings.bind))?;
        Ok(Self { listener, router })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        axum::serve(self.listener, self.router).with_graceful_shutdown(shutdown).await
    }
}

async fn healthz(State(state): State<AppState>) -> StatusCode {
    match state.db.ping().await {
        Ok(()) => StatusCode::OK,
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(redact("postgres://exam:s3cret@db:5432/exam"), "postgres://exam:***@db:5432/exam");
        assert_eq!(redact("sqlite://data/exam.db?mode=rwc"), "sqlite://data/exam.db?mode=rwc");
    }
}
