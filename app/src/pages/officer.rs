//! The officer's home: who he is, the position he holds today and the
//! competency areas that position requires (what his exams will cover).

use crate::components::ErrorNotice;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::localized;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficerProfile {
    pub full_name: String,
    pub staff_number: String,
    pub unit_name: String,
    pub grade_code: String,
    pub grade_vi: String,
    pub grade_en: String,
    pub leader: bool,
    pub position: Option<HeldPosition>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeldPosition {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub since: String,
    pub areas: Vec<RequiredArea>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequiredArea {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub weight: i32,
}

#[server]
pub async fn my_profile() -> Result<OfficerProfile, AppError> {
    crate::ssr::answer(async move {
        use crate::ssr;
        use domain::Role;
        let user = ssr::require(&[Role::Officer]).await?;
        let officer = user.officer.ok_or(AppError::NotFound)?;
        ssr::directory::officer_profile(&ssr::db()?, officer, ssr::today()).await
    })
    .await
}

#[component]
pub fn OfficerHome() -> impl IntoView {
    let i18n = use_i18n();
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(p) => view! { <ProfileCard profile=p /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProfileCard(profile: OfficerProfile) -> impl IntoView {
    let i18n = use_i18n();
    let OfficerProfile { full_name, staff_number, unit_name, grade_code, grade_vi, grade_en, leader, position } = profile;
    view! {
        <section class="card" id="officer-home">
            <h1>{full_name}</h1>
            <dl class="facts">
                <dt>{t!(i18n, staff_number)}</dt>
                <dd>{staff_number}</dd>
                <dt>{t!(i18n, unit)}</dt>
                <dd>{unit_name}</dd>
                <dt>{t!(i18n, grade)}</dt>
                <dd>{move || localized(i18n.get_locale(), &grade_vi, &grade_en).to_owned()} " (" {grade_code} ")"</dd>
            </dl>
            {leader.then(|| view! { <p class="notice">{t!(i18n, officer_is_leader)}</p> })}
        </section>
        {match position {
            Some(position) => view! { <PositionCard position /> }.into_any(),
            None => view! { <p class="notice error">{t!(i18n, officer_no_position)}</p> }.into_any(),
        }}
    }
}

#[component]
fn PositionCard(position: HeldPosition) -> impl IntoView {
    let i18n = use_i18n();
    let HeldPosition { code, name_vi, name_en, since, areas } = position;
    view! {
        <section class="card" id="current-position">
            <h2>{t!(i18n, current_position)}</h2>
            <p class="lead">
                <strong>{move || localized(i18n.get_locale(), &name_vi, &name_en).to_owned()}</strong>
                " (" {code} ") · " {t!(i18n, since)} " " {since}
            </p>
            <h3>{t!(i18n, required_areas)}</h3>
            <p class="hint">{t!(i18n, required_areas_hint)}</p>
            <table class="grid">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, area)}</th>
                        <th scope="col" class="num">{t!(i18n, weight)}</th>
                    </tr>
                </thead>
                <tbody>
                    {areas
                        .into_iter()
                        .map(|a| {
                            view! {
                                <tr>
                                    <td>{move || localized(i18n.get_locale(), &a.name_vi, &a.name_en).to_owned()} " (" {a.code.clone()} ")"</td>
                                    <td class="num">{a.weight} "%"</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}
