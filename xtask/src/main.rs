//! Project automation behind `cargo xtask`: build the site, run the app with
//! demo data, run the whole test suite. Only crates are downloaded: the wasm
//! bundle is post-processed by wasm-bindgen linked in here, at the exact
//! version the app compiles against.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "xtask")]
struct Cli {
    #[command(subcommand)]
    command: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Build everything and serve the app on SQLite with demo data (http://127.0.0.1:3000).
    Run,
    /// Run the whole suite: unit, integration (SQLite, PostgreSQL), browser.
    Test,
    /// Build the hydration bundle into target/site/pkg.
    BuildSite,
}

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/test";
const DEMO_DATABASE: &str = "data/exam.db";

fn main() -> Result<()> {
    let root = workspace_root()?;
    std::env::set_current_dir(&root)?;
    match Cli::parse().command {
        Task::Run => run(),
        Task::Test => test(),
        Task::BuildSite => build_site().map(|_| ()),
    }
}

fn workspace_root() -> Result<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).context("xtask lives inside the workspace")
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from)
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn status(cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?}");
    let status = cmd.status().with_context(|| format!("starting {shown}"))?;
    if !status.success() {
        bail!("{shown} failed with {status}");
    }
    Ok(())
}

fn banner(text: &str) {
    println!("\n==== {text} ====");
}

/// Adds the wasm target when missing (rustup downloads only the standard library).
fn ensure_wasm_target() -> Result<()> {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match installed {
        Ok(out) if String::from_utf8_lossy(&out.stdout).contains("wasm32-unknown-unknown") => Ok(()),
        Ok(_) => status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"])),
        Err(_) => {
            println!("rustup not found: assuming the wasm32-unknown-unknown target is installed");
            Ok(())
        }
    }
}

/// Compiles the app for the browser, runs wasm-bindgen and copies the
/// stylesheet; returns the site root to serve.
fn build_site() -> Result<PathBuf> {
    banner("building the browser bundle");
    ensure_wasm_target()?;
    status(cargo().args([
        "build",
        "-p",
        "app",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "hydrate",
        "--profile",
        "wasm-release",
    ]))?;
    let target = target_dir();
    let wasm = target.join("wasm32-unknown-unknown/wasm-release/app.wasm");
    let site = target.join("site");
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name("app")
        .web(true)?
        .typescript(false)
        .generate(&pkg)
        .with_context(|| format!("wasm-bindgen on {}", wasm.display()))?;
    std::fs::copy("app/style/main.css", pkg.join("app.css")).context("copying app/style/main.css")?;
    Ok(site)
}

fn run() -> Result<()> {
    let site = build_site()?;
    banner("building the server");
    status(cargo().args(["build", "-p", "server"]))?;
    let server = target_dir().join("debug/exam-server");
    let fresh = !Path::new(DEMO_DATABASE).exists();
    if fresh {
        banner("creating data/exam.db with demo data");
        status(Command::new(&server).arg("seed-demo"))?;
    }
    println!("\nDemo accounts, all with the password demo12345:");
    println!("  officer     an officer of Cục Hải quan Hà Nội (not a leader)");
    println!("  unitadmin   admin of Cục Hải quan Hà Nội");
    println!("  author      question author");
    println!("  reviewer    question reviewer");
    println!("  central     central admin");
    println!("  supervisor  session supervisor of Cục Hải quan Hà Nội");
    println!("\nOpen http://127.0.0.1:3000 (Ctrl-C stops the server)\n");
    status(Command::new(&server).arg("serve").arg("--site-root").arg(&site))
}

fn nextest_available() -> bool {
    cargo().args(["nextest", "--version"]).output().is_ok_and(|o| o.status.success())
}

/// Runs test binaries with nextest when installed, else with cargo test.
fn run_tests(args: &[&str], envs: &[(&str, &str)]) -> Result<()> {
    let mut cmd = cargo();
    if nextest_available() {
        cmd.args(["nextest", "run", "--no-fail-fast"]).args(args);
    } else {
        cmd.arg("test").args(args);
    }
    for (k, v) in envs {
        cmd.env(k, v);
    }
    status(&mut cmd)
}

fn postgres_answers(url: &str) -> bool {
    let host_port = url
        .split('@')
        .next_back()
        .and_then(|rest| rest.split('/').next())
        .map(|hp| if hp.contains(':') { hp.to_owned() } else { format!("{hp}:5432") });
    host_port
        .and_then(|hp| hp.to_socket_addrs().ok())
        .and_then(|mut addrs| addrs.next())
        .is_some_and(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok())
}

fn command_exists(name: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {name}")]).output().is_ok_and(|o| o.status.success())
}

/// Installs Debian's chromium and chromium-driver when missing.
fn ensure_browser() -> Result<()> {
    if command_exists("chromium") && command_exists("chromedriver") {
        return Ok(());
    }
    banner("installing chromium and chromium-driver (apt-get)");
    status(Command::new("apt-get").arg("update"))?;
    status(Command::new("apt-get").args(["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"]))
}

fn test() -> Result<()> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    let mut ran = Vec::new();
    let mut skipped = Vec::new();

    banner("unit tests (domain, app, server)");
    run_tests(&["--workspace", "--exclude", "tests", "--exclude", "xtask"], &[])?;
    ran.push("unit tests");

    banner("integration tests on SQLite");
    run_tests(&["-p", "tests", "--test", "integration"], &[("EXAM_TEST_DB", "sqlite")])?;
    ran.push("integration tests on SQLite");

    let pg = std::env::var("EXAM_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES.to_owned());
    if postgres_answers(&pg) {
        banner("integration tests on PostgreSQL");
        run_tests(&["-p", "tests", "--test", "integration"], &[("EXAM_TEST_DB", "postgres"), ("EXAM_TEST_POSTGRES_URL", &pg)])?;
        ran.push("integration tests on PostgreSQL");
    } else if ci {
        bail!("CI=true and no PostgreSQL answers at {pg}: the PostgreSQL suite is required in CI");
    } else {
        skipped.push(format!("integration tests on PostgreSQL: nothing answers at {pg} (set EXAM_TEST_POSTGRES_URL)"));
    }

    banner("browser tests in headless Chromium");
    ensure_browser()?;
    let site = build_site()?;
    let site = site.canonicalize()?;
    let site = site.to_string_lossy();
    status(cargo().args(["test", "-p", "tests", "--test", "browser"]).env("EXAM_SITE_ROOT", site.as_ref()))?;
    ran.push("browser tests");

    banner("summary");
    for suite in &ran {
        println!("RAN      {suite}");
    }
    for suite in &skipped {
        println!("SKIPPED  {suite}");
    }
    Ok(())
}
