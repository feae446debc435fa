//! Browser tests: the real app with demo data, one headless Chromium through
//! chromedriver for every scenario. Layers as in the Leptos e2e examples:
//! `find` (locators), `act` (what a user does), `check` (assertions).

mod scenarios;
mod support;

use std::process::ExitCode;

fn main() -> ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("browser tests: no runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let mut browser = match support::Browser::start().await {
            Ok(b) => b,
            Err(e) => {
                eprintln!("browser tests could not start: {e:#}");
                return ExitCode::FAILURE;
            }
        };
        let (mut passed, mut failed) = (0, 0);
        for (name, scenario) in scenarios::ALL {
            browser.reset().await;
            match scenario(&browser).await {
                Ok(()) => {
                    passed += 1;
                    println!("test {name} ... ok");
                }
                Err(e) => {
                    failed += 1;
                    println!("test {name} ... FAILED\n    {e:#}");
                    browser.screenshot(name).await;
                }
            }
        }
        browser.stop().await;
        println!("\nbrowser: {passed} passed, {failed} failed");
        if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
    })
}
