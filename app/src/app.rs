//! The document shell, the router and the frame every page shares.

use crate::components::{ErrorNotice, Header};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::{central, login, officer, staff, unit_admin};
use domain::Role;
use leptos::prelude::*;
use leptos_use::UseLocalesOptions;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{SsrMode, path};
use serde::{Deserialize, Serialize};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Who is signed in, as the pages need it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub username: String,
    pub role: Role,
    pub display_name: String,
}

#[server]
pub async fn who_am_i() -> Result<Option<Me>, AppError> {
    crate::ssr::answer(async move {
        use crate::ssr;
        let Some(user) = ssr::signed_in().await? else {
            return Ok(None);
        };
        let display_name = ssr::directory::display_name(&ssr::db()?, &user).await?;
        Ok(Some(Me { username: user.username, role: user.role, display_name }))
    })
    .await
}

/// The signed-in user, loaded once per page and shared through context.
pub type MeResource = Resource<Result<Option<Me>, AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let me: MeResource = Resource::new(|| (), |_| who_am_i());
    provide_context(me);

    view! {
        // Vietnamese unless the user chose otherwise: the browser's
        // Accept-Language (often en-US on office machines) is not a choice.
        <I18nContextProvider ssr_lang_header_getter=UseLocalesOptions::default()
            .ssr_lang_header_getter(|| None)>
            <Stylesheet id="app" href="/pkg/app.css" />
            <AppTitle />
            <Router>
                <Header />
                <main id="main">
                    <Routes fallback=NotFound>
                        // Async rendering resolves who is signed in before the first
                        // byte, so a page that must redirect answers with a real 302.
                        <Route path=path!("/") view=Home ssr=SsrMode::Async />
                        <Route path=path!("/login") view=login::LoginPage ssr=SsrMode::Async />
                        <Route path=path!("/units/:code") view=unit_admin::UnitOfficersPage ssr=SsrMode::Async />
                        <Route path=path!("/roster") view=unit_admin::RosterImportPage ssr=SsrMode::Async />
                    </Routes>
                </main>
            </Router>
        </I18nContextProvider>
    }
}

#[component]
fn AppTitle() -> impl IntoView {
    let i18n = use_i18n();
    view! { <Title text=move || t_string!(i18n, app_name).to_owned() /> }
}

/// Every role lands on its own home page.
#[component]
fn Home() -> impl IntoView {
    let me = expect_context::<MeResource>();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) => match me.role {
                        Role::Officer => view! { <officer::OfficerHome /> }.into_any(),
                        Role::UnitAdmin => view! { <unit_admin::UnitAdminHome /> }.into_any(),
                        Role::CentralAdmin => view! { <central::UnitTreePage /> }.into_any(),
                        Role::Author | Role::Reviewer | Role::Supervisor => {
                            view! { <staff::StaffHome role=me.role /> }.into_any()
                        }
                    },
                    Ok(None) => view! { <Redirect path="/login" /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(axum::http::StatusCode::NOT_FOUND);
        }
    }
    let i18n = use_i18n();
    view! {
        <section class="card">
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>{t!(i18n, not_found_body)}</p>
            <a href="/">{t!(i18n, back_home)}</a>
        </section>
    }
}
