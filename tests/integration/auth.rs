use app::app::{Me, WhoAmI};
use app::components::SetLocale;
use app::pages::login::Logout;
use tests::{TestApp, set_cookie};

#[tokio::test]
async fn health_check_reports_a_reachable_database() {
    let app = TestApp::spawn().await.expect("app");
    let response = app.client().get("/healthz").await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn health_check_fails_when_the_database_is_gone() {
    let app = TestApp::spawn().await.expect("app");
    // The router shares this pool: closing it is the database going away.
    app.db.clone().close().await.expect("close");
    let response = app.client().get("/healthz").await;
    assert_eq!(response.status(), 503);
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_the_login_page() {
    let app = TestApp::spawn().await.expect("app");
    let response = app.client().get("/").await;
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], "/login");
    let login = app.client().get("/login").await;
    assert_eq!(login.status(), 200);
    let html = login.text().await.expect("body");
    assert!(html.contains("name=\"password\""), "a plain form that works without JavaScript");
}

#[tokio::test]
async fn login_sets_a_safe_session_cookie_and_each_role_signs_in() {
    let app = TestApp::spawn().await.expect("app");
    for (name, role) in app::ssr::seed::DEMO_ACCOUNTS {
        let client = app.signed_in(name).await;
        let me: Option<Me> = client.call::<WhoAmI, _>(&[]).await.expect("who am i");
        assert_eq!(me.map(|m| m.role), Some(role), "{name}");
    }
    let response = app.client().login_response("officer", tests::DEMO_PASSWORD).await;
    let cookie = set_cookie(&response, "exam_session").expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain http in tests: {cookie}");
}

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer() {
    let app = TestApp::spawn().await.expect("app");
    let client = app.client();
    assert_eq!(client.login("officer", "wrong-password").await, "/login?error=credentials");
    assert_eq!(client.login("nobody-here", "wrong-password").await, "/login?error=credentials");
    let me: Option<Me> = client.call::<WhoAmI, _>(&[]).await.expect("who am i");
    assert_eq!(me, None);
}

#[tokio::test]
async fn repeated_failures_slow_down_further_attempts() {
    let app = TestApp::spawn().await.expect("app");
    let client = app.client();
    for _ in 0..3 {
        assert_eq!(client.login("reviewer", "guess-guess").await, "/login?error=credentials");
    }
    let throttled = client.login("reviewer", tests::DEMO_PASSWORD).await;
    assert!(throttled.starts_with("/login?error=throttled&wait="), "{throttled}");
    // Another account is not affected.
    assert_eq!(client.login("author", tests::DEMO_PASSWORD).await, "/");
}

#[tokio::test]
async fn the_session_id_changes_at_login_and_logout_ends_the_session() {
    let app = TestApp::spawn().await.expect("app");
    let client = app.client();
    let first = set_cookie(&client.login_response("officer", tests::DEMO_PASSWORD).await, "exam_session");
    let second = set_cookie(&client.login_response("officer", tests::DEMO_PASSWORD).await, "exam_session");
    assert!(first.is_some() && second.is_some());
    assert_ne!(first, second, "a new login cycles the session id");

    let _: () = client.call::<Logout, _>(&[]).await.expect("logout");
    let me: Option<Me> = client.call::<WhoAmI, _>(&[]).await.expect("who am i");
    assert_eq!(me, None);
}

#[tokio::test]
async fn the_language_choice_is_remembered_per_user() {
    let app = TestApp::spawn().await.expect("app");
    let client = app.signed_in("unitadmin").await;
    let _: () = client.call::<SetLocale, _>(&[("locale", "en")]).await.expect("set locale");
    assert!(client.call::<SetLocale, ()>(&[("locale", "fr")]).await.is_err(), "unknown locales are refused");

    // A fresh device: the login restores English.
    let other_device = app.client();
    let response = other_device.login_response("unitadmin", tests::DEMO_PASSWORD).await;
    let cookies = set_cookie(&response, "i18n_pref_locale").into_iter().collect::<Vec<_>>();
    assert!(cookies.iter().any(|c| c.starts_with("i18n_pref_locale=en")), "{cookies:?}");
    let home = other_device.get("/").await.text().await.expect("home");
    assert!(home.contains("<html lang=\"en\""), "the page renders in English");
}

#[tokio::test]
async fn unknown_pages_answer_404_in_the_default_language() {
    let app = TestApp::spawn().await.expect("app");
    let response = app.client().get("/no-such-page").await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.expect("body");
    assert!(html.contains("Không tìm thấy trang"), "Vietnamese by default");
}
