//! What people do with the app, end to end.

use crate::support::Browser;
use anyhow::{Context, Result, ensure};
use std::future::Future;
use std::pin::Pin;

type Scenario = for<'a> fn(&'a Browser) -> Pin<Box<dyn Future<Output = Result<()>> + 'a>>;

pub const ALL: [(&str, Scenario); 5] = [
    ("every_role_lands_on_its_home_and_logs_out", |b| Box::pin(every_role_lands_on_its_home(b))),
    ("a_wrong_password_shows_a_message", |b| Box::pin(a_wrong_password_shows_a_message(b))),
    ("the_language_switches_without_reload_and_sticks", |b| Box::pin(language_switch(b))),
    ("a_unit_admin_searches_without_diacritics", |b| Box::pin(unit_admin_search(b))),
    ("a_unit_admin_imports_a_roster_and_sees_row_errors", |b| Box::pin(roster_upload(b))),
];

async fn every_role_lands_on_its_home(b: &Browser) -> Result<()> {
    let homes = [
        ("officer", "#current-position"),
        ("unitadmin", "#officer-table"),
        ("central", "#unit-tree"),
        ("author", "#area-table"),
        ("reviewer", "#area-table"),
        ("supervisor", "#area-table"),
    ];
    for (user, landmark) in homes {
        let visit = async {
            b.log_in(user).await?;
            b.find(landmark).await?;
            ensure!(b.path().await? == "/", "lands on /");
            b.assert_no_console_errors().await?;
            b.log_out().await?;
            ensure!(b.path().await? == "/login", "back on the login page");
            Ok(())
        };
        visit.await.with_context(|| format!("as {user}"))?;
    }
    // Signed out, the home page sends everyone to the login form.
    b.open("/").await?;
    b.find("#login-submit").await?;
    Ok(())
}

async fn a_wrong_password_shows_a_message(b: &Browser) -> Result<()> {
    b.open("/login").await?;
    b.wait_hydrated().await?;
    b.find("#username").await?.send_keys("officer").await?;
    b.find("#password").await?.send_keys("not-the-password").await?;
    b.find("#login-submit").await?.click().await?;
    let message = b.text("#login-error").await?;
    ensure!(message.contains("không đúng"), "Vietnamese by default: {message}");
    Ok(())
}

async fn language_switch(b: &Browser) -> Result<()> {
    b.log_in("officer").await?;
    b.wait_hydrated().await?;
    let heading = b.text("#current-position h2").await?;
    ensure!(heading.contains("Vị trí việc làm"), "Vietnamese first: {heading}");
    // A client-side switch keeps this marker; a full reload would lose it.
    b.client.execute("window.__sameDocument = true;", vec![]).await?;
    b.find("#switch-language").await?.click().await?;
    b.text_until("#current-position h2", |t| t.contains("Current job position")).await?;
    let same_document = b.client.execute("return window.__sameDocument === true;", vec![]).await?;
    ensure!(same_document == serde_json::Value::Bool(true), "switched by the hydrated page, without a reload");

    b.client.refresh().await?;
    b.text_until("#current-position h2", |t| t.contains("Current job position")).await?;
    b.assert_no_console_errors().await?;
    Ok(())
}

async fn unit_admin_search(b: &Browser) -> Result<()> {
    b.log_in("unitadmin").await?;
    b.wait_hydrated().await?;
    let all = b.text("#officer-total").await?;
    let search = b.find("#officer-search").await?;
    search.send_keys("nguyen").await?;
    b.find("#officer-search-submit").await?.click().await?;
    let filtered = b.text_until("#officer-total", |t| t != all).await?;
    let first_name = b.text("#officer-table tbody tr td:nth-child(2)").await?;
    ensure!(first_name.contains("Nguyễn"), "'nguyen' finds 'Nguyễn': {first_name} ({filtered})");
    ensure!(b.client.current_url().await?.query().unwrap_or_default().contains("q=nguyen"), "the search is in the address");
    b.assert_no_console_errors().await?;
    Ok(())
}

async fn roster_upload(b: &Browser) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("roster-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let header = "staff_number,full_name,unit_code,position_code,grade,leader,assignment_date\n";
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, format!("{header}HQ95001,Lê Thị Hoa,HNI-CC01,VT-TNHS,08.051,no,2024-02-30\n"))?;
    let good = dir.join("good.csv");
    std::fs::write(&good, format!("{header}HQ95001,Lê Thị Hoa,HNI-CC01,VT-TNHS,08.051,no,2024-02-28\n"))?;

    b.log_in("unitadmin").await?;
    b.find("a[href='/roster']").await?.click().await?;
    b.wait_hydrated().await?;
    b.find("#roster-file").await?.send_keys(&bad.to_string_lossy()).await?;
    b.find("#roster-submit").await?.click().await?;
    let errors = b.text("#roster-errors").await?;
    ensure!(errors.contains("assignment_date") && errors.contains("không phải ngày"), "row error in Vietnamese: {errors}");

    b.find("#roster-file").await?.send_keys(&good.to_string_lossy()).await?;
    b.find("#roster-submit").await?.click().await?;
    let result = b.text("#roster-result").await?;
    ensure!(result.contains("1 thêm mới"), "one officer created: {result}");
    b.assert_no_console_errors_but(&["status of 422"]).await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
