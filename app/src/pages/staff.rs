//! Home of question authors, reviewers and session supervisors: the competency
//! areas the banks are organised by, and the supervisor's unit.

use crate::components::{ErrorNotice, role_label};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::localized;
use domain::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaSummary {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    /// How many job positions require this area.
    pub positions: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffHomeData {
    pub unit_name: Option<String>,
    pub areas: Vec<AreaSummary>,
}

#[server]
pub async fn staff_overview() -> Result<StaffHomeData, AppError> {
    crate::ssr::answer(async move {
        use crate::ssr;
        let user = ssr::require(&[Role::Author, Role::Reviewer, Role::Supervisor]).await?;
        ssr::directory::staff_overview(&ssr::db()?, &user).await
    })
    .await
}

#[component]
pub fn StaffHome(role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let overview = Resource::new(|| (), |_| staff_overview());
    view! {
        <section class="card" id="staff-home">
            <h1>{move || role_label(i18n, role)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(o) => view! { <Overview overview=o /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Overview(overview: StaffHomeData) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {overview.unit_name.map(|u| view! { <p class="lead">{t!(i18n, unit)} ": " {u}</p> })}
        <h2>{t!(i18n, areas_title)}</h2>
        <table class="grid" id="area-table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, area)}</th>
                    <th scope="col" class="num">{t!(i18n, positions_requiring)}</th>
                </tr>
            </thead>
            <tbody>
                {overview
                    .areas
                    .into_iter()
                    .map(|a| {
                        view! {
                            <tr>
                                <td>{move || localized(i18n.get_locale(), &a.name_vi, &a.name_en).to_owned()} " (" {a.code.clone()} ")"</td>
                                <td class="num">{a.positions}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
