//! `exam-server`: serve the platform and administer its database.

use anyhow::{Context, bail};
use app::ssr::accounts::{NewAccount, create_user};
use app::ssr::db::DEFAULT_DATABASE_URL;
use app::ssr::{roster, seed};
use clap::{Parser, Subcommand};
use domain::auth::{NewPassword, Username};
use domain::{Role, UnitCode, UnitId};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::{Application, Settings, open_database};
use std::io::{BufRead, IsTerminal, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "exam-server", about = "Customs competency assessment platform")]
struct Cli {
    /// sqlite://FILE?mode=rwc for one machine, postgres://… for several instances.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true)]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application.
    Serve {
        #[arg(long, env = "EXAM_BIND", default_value = "127.0.0.1:3000")]
        bind: SocketAddr,
        /// Folder holding pkg/ (the hydration bundle).
        #[arg(long, env = "EXAM_SITE_ROOT", default_value = "target/site")]
        site_root: String,
        /// The address users reach the server at; https:// makes the session cookie Secure.
        #[arg(long, env = "EXAM_PUBLIC_URL", default_value = "http://127.0.0.1:3000")]
        public_url: String,
    },
    /// Create or update the database schema.
    Migrate,
    /// Load the demo organisation, officers and demo accounts (empty database only).
    SeedDemo,
    /// Create an account; the password is read from standard input or a prompt.
    CreateUser {
        #[arg(long)]
        username: String,
        /// officer, unit_admin, author, reviewer, central_admin or supervisor
        #[arg(long)]
        role: String,
        /// Unit code, for unit_admin and supervisor accounts.
        #[arg(long)]
        unit: Option<String>,
        /// Staff number of the officer record, for officer accounts.
        #[arg(long)]
        staff_number: Option<String>,
    },
    /// Import an HR roster (CSV or XLSX) for the whole organisation.
    ImportRoster {
        file: PathBuf,
        /// Check everything, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

fn init_tracing() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if std::env::var("EXAM_LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    init_tracing();
    let cli = Cli::parse();
    let db = open_database(&cli.database_url).await?;
    match cli.command {
        Command::Serve { bind, site_root, public_url } => {
            let settings = Settings { bind, site_root, secure_cookies: public_url.starts_with("https://") };
            let application = Application::build(settings, db).await?;
            tracing::info!(port = application.port(), "serving {public_url}");
            application.run_until_stopped(shutdown_signal()).await?;
            tracing::info!("stopped");
        }
        Command::Migrate => tracing::info!("database is up to date"),
        Command::SeedDemo => {
            if seed::is_seeded(&db).await? {
                bail!("the database already holds an organisation; seed-demo only fills an empty database");
            }
            seed::seed_demo(&db, app::ssr::today()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("Demo accounts (password {}):", seed::DEMO_PASSWORD);
            for (name, role) in seed::DEMO_ACCOUNTS {
                println!("  {name:<12} {}", role.as_str());
            }
        }
        Command::CreateUser { username, role, unit, staff_number } => {
            let username = Username::parse(&username)?;
            let role = Role::parse(&role)?;
            let unit = match unit {
                Some(code) => Some(find_unit(&db, &code).await?),
                None => None,
            };
            let officer = match staff_number {
                Some(number) => Some(find_officer(&db, &number).await?),
                None => None,
            };
            let password = NewPassword::parse(read_password()?)?;
            let id = create_user(&db, NewAccount { username, password, role, unit, officer })
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("created user {id}");
        }
        Command::ImportRoster { file, dry_run } => {
            let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let scope = app::ssr::directory::Scope::Everything;
            let result = match roster::decode(&name, &bytes) {
                Ok(table) => roster::import(&db, &scope, &table, dry_run, app::ssr::today()).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(s) => println!(
                    "{}: {} rows, {} new, {} updated, {} moved, {} unchanged{}",
                    file.display(),
                    s.rows,
                    s.created,
                    s.updated,
                    s.moved,
                    s.unchanged,
                    if s.dry_run { " (dry run: nothing written)" } else { "" }
                ),
                Err(app::error::AppError::Rows(rows)) => {
                    // file:row: column: problem, the form editors and CI logs link to.
                    for e in &rows {
                        match (e.row, e.column.as_str()) {
                            (0, _) => eprintln!("{}: {}", file.display(), e.problem),
                            (row, "") => eprintln!("{}:{row}: {}", file.display(), e.problem),
                            (row, column) => eprintln!("{}:{row}: {column}: {}", file.display(), e.problem),
                        }
                    }
                    bail!("{}: refused with {} errors; nothing was written", file.display(), rows.len());
                }
                Err(e) => bail!("{}: {e}", file.display()),
            }
        }
    }
    Ok(())
}

async fn find_unit(db: &sea_orm::DatabaseConnection, code: &str) -> anyhow::Result<UnitId> {
    use app::ssr::entities::unit;
    let code = UnitCode::parse(code)?;
    let found = unit::Entity::find().filter(unit::Column::Code.eq(code.as_str())).one(db).await?;
    found.map(|u| UnitId::from_uuid(u.id)).with_context(|| format!("no unit with code {code}"))
}

async fn find_officer(db: &sea_orm::DatabaseConnection, staff_number: &str) -> anyhow::Result<domain::OfficerId> {
    use app::ssr::entities::officer;
    let found = officer::Entity::find().filter(officer::Column::StaffNumber.eq(staff_number.trim())).one(db).await?;
    found.map(|o| domain::OfficerId::from_uuid(o.id)).with_context(|| format!("no officer with staff number {staff_number}"))
}

/// One line from standard input; prompts when a person is typing.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password: ");
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
