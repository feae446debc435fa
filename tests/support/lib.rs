//! Test support: the real application on a random port against a fresh
//! database, and a client with one helper per server function.

use app::error::AppError;
use app::pages::unit_admin::{ImportRoster, ImportSummary};
use leptos::server_fn::ServerFn;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde::de::DeserializeOwned;
use server::{Application, Settings, open_database};

pub use app::ssr::seed::DEMO_PASSWORD;

/// Which database the suite runs on: `EXAM_TEST_DB=sqlite|postgres`
/// (xtask runs the same tests once for each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_env() -> Self {
        match std::env::var("EXAM_TEST_DB").as_deref() {
            Ok("postgres") => Backend::Postgres,
            _ => Backend::Sqlite,
        }
    }
}

/// A database that exists for one test and is removed afterwards.
pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    // Held for its Drop, which removes the directory.
    File { _dir: tempfile_dir::TempDir },
    Postgres { admin_url: String, name: String },
}

mod tempfile_dir {
    /// A directory under the system temp dir, removed on drop.
    pub struct TempDir(pub std::path::PathBuf);
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> anyhow::Result<Self> {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("exam-test-{unique}"));
                std::fs::create_dir_all(&dir)?;
                let url = format!("sqlite://{}?mode=rwc", dir.join("exam.db").display());
                Ok(Self { url, cleanup: Cleanup::File { _dir: tempfile_dir::TempDir(dir) } })
            }
            Backend::Postgres => {
                let admin_url = std::env::var("EXAM_TEST_POSTGRES_URL")
                    .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
                let name = format!("exam_test_{unique}");
                let admin = Database::connect(&admin_url).await?;
                admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await?;
                admin.close().await?;
                let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b);
                Ok(Self { url: format!("{base}/{name}"), cleanup: Cleanup::Postgres { admin_url, name } })
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs outside async: a short-lived runtime on its own thread.
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
                rt.block_on(async {
                    if let Ok(admin) = Database::connect(&admin_url).await {
                        let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
                        let _ = admin.close().await;
                    }
                });
            })
            .join();
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    pub database: TestDatabase,
}

impl TestApp {
    /// The real router on a random port, migrated, with the demo data loaded.
    pub async fn spawn() -> anyhow::Result<Self> {
        Self::spawn_with(Backend::from_env(), std::env::var("EXAM_SITE_ROOT").unwrap_or_else(|_| "target/site".into())).await
    }

    pub async fn spawn_with(backend: Backend, site_root: String) -> anyhow::Result<Self> {
        let database = TestDatabase::create(backend).await?;
        let db = open_database(&database.url).await?;
        app::ssr::seed::seed_demo(&db, app::ssr::today()).await.map_err(|e| anyhow::anyhow!("seeding: {e}"))?;
        let settings = Settings { bind: "127.0.0.1:0".parse()?, site_root, secure_cookies: false };
        let application = Application::build(settings, db.clone()).await?;
        let address = format!("http://127.0.0.1:{}", application.port());
        tokio::spawn(application.run_until_stopped(std::future::pending()));
        Ok(Self { address, db, database })
    }

    /// A client with its own cookie jar, like one browser.
    pub fn client(&self) -> Client {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("http client: {e}"));
        Client { http, address: self.address.clone() }
    }

    /// A client signed in as `username` with the demo password.
    pub async fn signed_in(&self, username: &str) -> Client {
        let client = self.client();
        let location = client.login(username, DEMO_PASSWORD).await;
        assert_eq!(location, "/", "{username} should sign in");
        client
    }
}

/// A server function's answer: the value, or the `AppError` it returned.
async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, AppError> {
    let ok = response.status().is_success();
    let body = response.text().await.map_err(|e| AppError::Transport(e.to_string()))?;
    if ok {
        serde_json::from_str(&body).map_err(|e| AppError::Transport(format!("{e}: {body}")))
    } else {
        Err(serde_json::from_str(&body).unwrap_or(AppError::Transport(body)))
    }
}

/// Uploads a roster file as the import page does (multipart).
pub async fn upload_roster(client: &Client, file_name: &str, bytes: Vec<u8>, dry_run: bool) -> Result<ImportSummary, AppError> {
    let mut form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()));
    if dry_run {
        form = form.text("dry_run", "on");
    }
    let response = client
        .http
        .post(format!("{}{}", client.address, ImportRoster::url()))
        .multipart(form)
        .send()
        .await
        .map_err(|e| AppError::Transport(e.to_string()))?;
    decode(response).await
}

/// The `name=value…` Set-Cookie line for cookie `name`, if the response sets it.
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|c| c.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

pub struct Client {
    pub http: reqwest::Client,
    pub address: String,
}

impl Client {
    /// Posts the login form as a browser without JavaScript does.
    pub async fn login_response(&self, username: &str, password: &str) -> reqwest::Response {
        self.http
            .post(format!("{}{}", self.address, app::pages::login::Login::url()))
            .header("accept", "text/html")
            .form(&[("username", username), ("password", password)])
            .send()
            .await
            .unwrap_or_else(|e| panic!("login request: {e}"))
    }

    /// Logs in; returns where the server redirects.
    pub async fn login(&self, username: &str, password: &str) -> String {
        let response = self.login_response(username, password).await;
        assert_eq!(response.status(), 302, "login answers with a redirect");
        response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned()
    }

    /// Calls a server function as the hydrated page does (form-encoded in, JSON out).
    pub async fn call<F: ServerFn, T: DeserializeOwned>(&self, args: &[(&str, &str)]) -> Result<T, AppError> {
        let response = self
            .http
            .post(format!("{}{}", self.address, F::url()))
            .form(args)
            .send()
            .await
            .map_err(|e| AppError::Transport(e.to_string()))?;
        decode(response).await
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.address))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }
}
