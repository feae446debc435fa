//! Central admins: the organisation tree with each unit's headcount, each unit
//! a link into its officer list.

use crate::components::ErrorNotice;
use crate::error::AppError;
use crate::i18n::*;
use domain::unit::UnitLevel;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitNode {
    pub code: String,
    pub name: String,
    pub level: UnitLevel,
    pub depth: usize,
    /// Officers of this unit and everything below it.
    pub officers: u64,
    pub children: Vec<UnitNode>,
}

#[server]
pub async fn unit_tree() -> Result<Vec<UnitNode>, AppError> {
    crate::ssr::answer(async move {
        use crate::ssr;
        use domain::Role;
        ssr::require(&[Role::CentralAdmin]).await?;
        ssr::directory::unit_tree(&ssr::db()?).await
    })
    .await
}

#[component]
pub fn UnitTreePage() -> impl IntoView {
    let i18n = use_i18n();
    let tree = Resource::new(|| (), |_| unit_tree());
    view! {
        <section class="card" id="unit-tree">
            <h1>{t!(i18n, unit_tree_title)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match tree.await {
                        Ok(roots) => view! { <ul class="tree">{roots.into_iter().map(|n| view! { <UnitBranch node=n /> }).collect_view()}</ul> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn UnitBranch(node: UnitNode) -> impl IntoView {
    let i18n = use_i18n();
    let UnitNode { code, name, level, depth, officers, children } = node;
    let label = view! {
        <a href=format!("/units/{code}")>{name}</a>
        " "
        <span class="hint">{code.clone()} " · " {t!(i18n, officer_count, count = officers)}</span>
        {level.runs_assessments().then(|| view! { " " <span class="tag">{t!(i18n, runs_assessments)}</span> })}
    };
    if children.is_empty() {
        view! { <li>{label}</li> }.into_any()
    } else {
        // Departments start folded so the 35 fit on one screen; <details>
        // needs no JavaScript.
        view! {
            <li>
                <details open=depth < 1>
                    <summary>{label}</summary>
                    <ul>{children.into_iter().map(|n| view! { <UnitBranch node=n /> }).collect_view()}</ul>
                </details>
            </li>
        }
        .into_any()
    }
}
