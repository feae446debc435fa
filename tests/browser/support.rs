//! Starting chromedriver and the app, and the verbs scenarios are written in.

use anyhow::{Context, Result, bail};
use fantoccini::elements::Element;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tests::{Backend, TestApp};

pub struct Browser {
    pub app: TestApp,
    pub client: Client,
    driver: Child,
}

impl Browser {
    pub async fn start() -> Result<Self> {
        let site_root = std::env::var("EXAM_SITE_ROOT").unwrap_or_else(|_| "../target/site".into());
        let bundle = std::path::Path::new(&site_root).join("pkg/app_bg.wasm");
        if !bundle.exists() {
            bail!("{} is missing: build the bundle with `cargo xtask build-site` (cargo xtask test does)", bundle.display());
        }
        let app = TestApp::spawn_with(Backend::Sqlite, site_root).await?;

        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting chromedriver (apt-get install chromium-driver)")?;
        let webdriver = format!("http://127.0.0.1:{port}");

        let mut caps = Capabilities::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
                         "--window-size=1280,900", "--lang=en-US"]
            }),
        );
        caps.insert("goog:loggingPrefs".into(), serde_json::json!({ "browser": "ALL" }));
        let mut last_error = None;
        for _ in 0..50 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => return Ok(Self { app, client, driver }),
                Err(e) => {
                    last_error = Some(e);
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
        bail!("chromedriver did not accept a session: {last_error:?}")
    }

    /// A clean slate between scenarios: no cookies, so no session or locale.
    pub async fn reset(&mut self) {
        let _ = self.client.goto(&format!("{}/login", self.app.address)).await;
        let _ = self.client.delete_all_cookies().await;
        let _ = self.console_errors().await;
    }

    pub async fn stop(self) {
        let _ = self.client.close().await;
        let mut driver = self.driver;
        let _ = driver.kill();
        let _ = driver.wait();
    }

    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let path = std::env::temp_dir().join(format!("browser-{name}.png"));
            if std::fs::write(&path, png).is_ok() {
                println!("    screenshot: {}", path.display());
            }
        }
    }

    // ---- find ----

    pub async fn find(&self, css: &str) -> Result<Element> {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("waiting for {css}"))
    }

    pub async fn text(&self, css: &str) -> Result<String> {
        Ok(self.find(css).await?.text().await?)
    }

    /// Waits until the element's text satisfies `accept`; returns it.
    pub async fn text_until(&self, css: &str, accept: impl Fn(&str) -> bool) -> Result<String> {
        let mut last = String::new();
        for _ in 0..150 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if accept(&last) {
                    return Ok(last);
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("{css} never showed the expected text; last: {last:?}")
    }

    // ---- act ----

    pub async fn open(&self, path: &str) -> Result<()> {
        self.client.goto(&format!("{}{path}", self.app.address)).await?;
        Ok(())
    }

    pub async fn wait_hydrated(&self) -> Result<()> {
        self.find("body[data-hydrated='true']").await.map(|_| ()).context("the page never hydrated")
    }

    pub async fn log_in(&self, username: &str) -> Result<()> {
        self.open("/login").await?;
        self.wait_hydrated().await?;
        self.find("#username").await?.send_keys(username).await?;
        self.find("#password").await?.send_keys(tests::DEMO_PASSWORD).await?;
        self.find("#login-submit").await?.click().await?;
        self.find("#whoami").await?;
        Ok(())
    }

    pub async fn log_out(&self) -> Result<()> {
        self.find("#logout").await?.click().await?;
        self.find("#login-submit").await?;
        Ok(())
    }

    // ---- check ----

    pub async fn path(&self) -> Result<String> {
        Ok(self.client.current_url().await?.path().to_owned())
    }

    /// Console errors since the last call (the browser log drains on read).
    pub async fn console_errors(&self) -> Result<Vec<String>> {
        let entries = self.client.issue_cmd(BrowserLog).await?;
        Ok(entries
            .as_array()
            .map(|list| {
                list.iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .filter_map(|e| e["message"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    pub async fn assert_no_console_errors(&self) -> Result<()> {
        self.assert_no_console_errors_but(&[]).await
    }

    /// As above, except messages containing one of `expected` (the browser
    /// logs every 4xx answer, including refusals the scenario provokes).
    pub async fn assert_no_console_errors_but(&self, expected: &[&str]) -> Result<()> {
        let errors: Vec<String> =
            self.console_errors().await?.into_iter().filter(|e| !expected.iter().any(|x| e.contains(x))).collect();
        if errors.is_empty() { Ok(()) } else { bail!("console errors: {errors:#?}") }
    }
}

/// chromedriver's browser-log endpoint, which the W3C protocol lacks.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}
