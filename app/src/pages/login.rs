//! Sign-in and sign-out. Both are plain form posts that the server answers
//! with a redirect, so they work the same with JavaScript off.

use crate::app::MeResource;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

#[server]
pub async fn login(username: String, password: String) -> Result<(), AppError> {
    crate::ssr::answer(async move {
        use crate::components::remember_locale;
        use crate::ssr::{self, accounts::LoginOutcome};
        match ssr::accounts::login(&ssr::db()?, &username, &password).await? {
            LoginOutcome::SignedIn(user) => {
                ssr::start_session(&user).await?;
                if let Ok(locale) = user.locale.parse::<Locale>() {
                    remember_locale(locale);
                }
                tracing::info!(user = %user.username, "signed in");
                leptos_axum::redirect("/");
            }
            LoginOutcome::Refused => leptos_axum::redirect("/login?error=credentials"),
            LoginOutcome::Throttled(wait) => {
                leptos_axum::redirect(&format!("/login?error=throttled&wait={}", wait.as_secs().max(1)))
            }
        }
        Ok(())
    })
    .await
}

#[server]
pub async fn logout() -> Result<(), AppError> {
    crate::ssr::answer(async move {
        crate::ssr::end_session().await?;
        leptos_axum::redirect("/login");
        Ok(())
    })
    .await
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = expect_context::<MeResource>();
    let query = use_query_map();
    let error = move || query.with(|q| q.get("error"));
    let wait = move || query.with(|q| q.get("wait")).unwrap_or_default();
    // Hydrated, the form tells the user it is working while Argon2 runs.
    let (pending, set_pending) = signal(false);

    view! {
        <Suspense>
            {move || Suspend::new(async move {
                matches!(me.await, Ok(Some(_))).then(|| view! { <Redirect path="/" /> })
            })}
        </Suspense>
        <section class="card narrow">
            <h1>{t!(i18n, login_title)}</h1>
            {move || match error().as_deref() {
                Some("credentials") => Some(view! { <p class="notice error" role="alert" id="login-error">{t!(i18n, login_failed)}</p> }.into_any()),
                Some("throttled") => Some(view! { <p class="notice error" role="alert" id="login-error">{t!(i18n, login_throttled, seconds = wait())}</p> }.into_any()),
                _ => None,
            }}
            <form method="post" action=Login::url() on:submit=move |_| set_pending.set(true) class="stack">
                <label for="username">{t!(i18n, login_username)}</label>
                <input id="username" name="username" autocomplete="username" required autofocus />
                <label for="password">{t!(i18n, login_password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required />
                <button type="submit" id="login-submit" disabled=pending>
                    {move || if pending.get() { t_string!(i18n, login_pending) } else { t_string!(i18n, login_submit) }}
                </button>
            </form>
        </section>
    }
}
