//! Pieces every role's pages share: the header, error notices, the pager.

use crate::app::MeResource;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::login::Logout;
use domain::Role;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_i18n::Locale as _;

/// The cookie leptos_i18n reads the locale from; the server sets it too, so the
/// choice holds with JavaScript off and follows the user to every device.
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

#[server]
pub async fn set_locale(locale: String) -> Result<(), AppError> {
    crate::ssr::answer(async move {
        use crate::ssr;
        let locale: Locale = locale.parse().map_err(|_| AppError::Invalid("locale".into()))?;
        remember_locale(locale);
        if let Some(user) = ssr::signed_in().await? {
            ssr::accounts::save_locale(&ssr::db()?, user.id, locale.as_str()).await?;
        }
        Ok(())
    })
    .await
}

/// Sets the locale cookie on the current response.
#[cfg(feature = "ssr")]
pub fn remember_locale(locale: Locale) {
    use axum::http::{HeaderValue, header::SET_COOKIE};
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(cookie) = HeaderValue::from_str(&format!(
            "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            locale.as_str()
        ))
    {
        response.append_header(SET_COOKIE, cookie);
    }
}

pub fn role_label(i18n: leptos_i18n::I18nContext<Locale>, role: Role) -> &'static str {
    match role {
        Role::Officer => t_string!(i18n, role_officer),
        Role::UnitAdmin => t_string!(i18n, role_unit_admin),
        Role::Author => t_string!(i18n, role_author),
        Role::Reviewer => t_string!(i18n, role_reviewer),
        Role::CentralAdmin => t_string!(i18n, role_central_admin),
        Role::Supervisor => t_string!(i18n, role_supervisor),
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let me = expect_context::<MeResource>();
    let other = move || match i18n.get_locale() {
        Locale::vi => Locale::en,
        Locale::en => Locale::vi,
    };
    let switch = ServerAction::<SetLocale>::new();
    // With JavaScript the switch is instant and the server only records it;
    // without, the form posts and the page comes back in the other language.
    let on_switch = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = other();
        i18n.set_locale(next);
        switch.dispatch(SetLocale { locale: next.as_str().to_owned() });
    };

    view! {
        <header class="topbar">
            <a class="brand" href="/">{t!(i18n, app_name)}</a>
            <nav class="topbar-actions">
                <form method="post" action=SetLocale::url() on:submit=on_switch>
                    <input type="hidden" name="locale" value=move || other().as_str() />
                    <button type="submit" id="switch-language" class="link-button" lang=move || other().as_str()>
                        {move || match other() {
                            Locale::vi => "Tiếng Việt",
                            Locale::en => "English",
                        }}
                    </button>
                </form>
                <Suspense>
                    {move || Suspend::new(async move {
                        me.await.ok().flatten().map(|me| {
                            view! {
                                <span class="whoami" id="whoami">
                                    {me.display_name} " · " {move || role_label(i18n, me.role)}
                                </span>
                                <form method="post" action=Logout::url()>
                                    <button type="submit" id="logout" class="link-button">
                                        {t!(i18n, logout)}
                                    </button>
                                </form>
                            }
                        })
                    })}
                </Suspense>
            </nav>
        </header>
    }
}

/// An error as a message the user can act on; the details stay in the server log.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || match &error {
        AppError::Unauthenticated => t_string!(i18n, error_unauthenticated).to_owned(),
        AppError::Forbidden => t_string!(i18n, error_forbidden).to_owned(),
        AppError::NotFound => t_string!(i18n, error_not_found).to_owned(),
        AppError::Invalid(what) => format!("{} {what}", t_string!(i18n, error_invalid)),
        AppError::Rows(rows) => format!("{} ({})", t_string!(i18n, error_rows), rows.len()),
        AppError::Unexpected => t_string!(i18n, error_unexpected).to_owned(),
        AppError::Transport(_) => t_string!(i18n, error_transport).to_owned(),
    };
    view! {
        <p class="notice error" role="alert">
            {message}
        </p>
    }
}

/// Previous/next links that keep the other query parameters, so paging works
/// as plain links without JavaScript.
#[component]
pub fn Pager(page: u64, pages: u64, #[prop(into)] href: Callback<u64, String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="pager" aria-label=move || t_string!(i18n, pager_label)>
            {(page > 1).then(|| view! { <a rel="prev" href=href.run(page - 1)>{t!(i18n, pager_prev)}</a> })}
            <span>{t!(i18n, pager_position, page = page, pages = pages.max(1))}</span>
            {(page < pages).then(|| view! { <a rel="next" href=href.run(page + 1)>{t!(i18n, pager_next)}</a> })}
        </nav>
    }
}
