//! Unit admins: the officers of their unit and its subtree with the position
//! each holds today, and the roster import from HR files.

use crate::components::{ErrorNotice, Pager};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::localized;
use domain::roster::{RowError, RowProblem};
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: u64 = 25;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficerRow {
    pub staff_number: String,
    pub full_name: String,
    pub unit_code: String,
    pub unit_name: String,
    pub position_code: Option<String>,
    pub position_vi: Option<String>,
    pub position_en: Option<String>,
    pub grade_code: String,
    pub leader: bool,
}

/// A job position, as offered in the list's filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PositionChoice {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficerPage {
    pub unit_code: String,
    pub unit_name: String,
    pub positions: Vec<PositionChoice>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    pub rows: Vec<OfficerRow>,
}

/// Officers of `unit` (default: the caller's own unit) and its subtree,
/// filtered by `search` over names and staff numbers without diacritics and
/// by the position they hold today.
#[server]
pub async fn list_officers(
    unit: Option<String>,
    search: String,
    position: Option<String>,
    page: u64,
) -> Result<OfficerPage, AppError> {
    crate::ssr::answer(async move {
        use crate::ssr;
        use domain::Role;
        let user = ssr::require(&[Role::UnitAdmin, Role::CentralAdmin]).await?;
        let db = ssr::db()?;
        let unit = ssr::directory::visible_unit(&db, &user, unit.as_deref()).await?;
        let filter = ssr::directory::OfficerFilter { search, position: position.filter(|p| !p.is_empty()) };
        ssr::directory::list_officers(&db, &unit, &filter, page.max(1), PAGE_SIZE, ssr::today()).await
    })
    .await
}

#[component]
pub fn UnitAdminHome() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="actions">
            <a href="/roster" class="button">{t!(i18n, roster_import_title)}</a>
        </p>
        <OfficerList unit=Signal::derive(|| None::<String>) />
    }
}

#[component]
pub fn UnitOfficersPage() -> impl IntoView {
    let params = use_params_map();
    view! { <OfficerList unit=Signal::derive(move || params.with(|p| p.get("code"))) /> }
}

#[component]
fn OfficerList(#[prop(into)] unit: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let position = move || query.with(|q| q.get("position").filter(|p| !p.is_empty()));
    let page = move || query.with(|q| q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1u64));
    let officers = Resource::new(
        move || (unit.get(), search(), position(), page()),
        |(unit, search, position, page)| list_officers(unit, search, position, page),
    );

    view! {
        <section class="card">
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match officers.await {
                        Ok(page) => view! { <OfficerTable page search=search() position=position() /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The list's query string: page links and the filter form keep each other's values.
fn list_href(page: u64, search: &str, position: Option<&str>) -> String {
    let mut url = format!("?page={page}");
    if !search.is_empty() {
        url.push_str("&q=");
        url.push_str(&urlencode(search));
    }
    if let Some(position) = position {
        url.push_str("&position=");
        url.push_str(&urlencode(position));
    }
    url
}

#[component]
fn OfficerTable(page: OfficerPage, search: String, position: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let OfficerPage { unit_code, unit_name, positions, total, page, pages, rows } = page;
    let chosen = position.clone();
    let href = {
        let search = search.clone();
        Callback::new(move |p: u64| list_href(p, &search, position.as_deref()))
    };
    view! {
        <h1 id="unit-title">{unit_name} " (" {unit_code} ")"</h1>
        <Form method="GET" action="">
            <div class="filters">
                <div class="stack">
                    <label for="officer-search">{t!(i18n, search_officers)}</label>
                    <input id="officer-search" type="search" name="q" value=search />
                </div>
                <div class="stack">
                    <label for="officer-position">{t!(i18n, filter_position)}</label>
                    <select id="officer-position" name="position">
                        <option value="">{t!(i18n, all_positions)}</option>
                        {positions
                            .into_iter()
                            .map(|p| {
                                let selected = chosen.as_deref() == Some(p.code.as_str());
                                view! {
                                    <option value=p.code.clone() selected=selected>
                                        {move || localized(i18n.get_locale(), &p.name_vi, &p.name_en).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" id="officer-search-submit">{t!(i18n, search)}</button>
            </div>
        </Form>
        <p class="hint" id="officer-total">{t!(i18n, officer_count, count = total)}</p>
        <div class="table-scroll">
            <table class="grid" id="officer-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, staff_number)}</th>
                        <th scope="col">{t!(i18n, full_name)}</th>
                        <th scope="col">{t!(i18n, unit)}</th>
                        <th scope="col">{t!(i18n, current_position)}</th>
                        <th scope="col">{t!(i18n, grade)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let position = match (r.position_code, r.position_vi, r.position_en) {
                                (Some(code), Some(vi), Some(en)) => {
                                    view! { <span title=code>{move || localized(i18n.get_locale(), &vi, &en).to_owned()}</span> }.into_any()
                                }
                                _ => view! { <span class="warn">{t!(i18n, no_position)}</span> }.into_any(),
                            };
                            view! {
                                <tr>
                                    <td>{r.staff_number}</td>
                                    <td>
                                        {r.full_name}
                                        {r.leader.then(|| view! { " " <span class="tag">{t!(i18n, leader)}</span> })}
                                    </td>
                                    <td title=r.unit_code>{r.unit_name}</td>
                                    <td>{position}</td>
                                    <td>{r.grade_code}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <Pager page pages href />
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub dry_run: bool,
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub moved: usize,
    pub unchanged: usize,
}

/// The largest roster file accepted: far above any unit's roster.
pub const MAX_ROSTER_BYTES: usize = 20 * 1024 * 1024;

/// Imports a roster file (CSV or XLSX) all-or-nothing. A unit admin may only
/// touch officers of his own subtree.
#[server(input = MultipartFormData)]
pub async fn import_roster(data: MultipartData) -> Result<ImportSummary, AppError> {
    crate::ssr::answer(async move {
        use crate::ssr;
        use domain::Role;
        let user = ssr::require(&[Role::UnitAdmin, Role::CentralAdmin]).await?;
        let db = ssr::db()?;
        let scope = ssr::directory::scope_of(&db, &user).await?;
        let mut multipart = data.into_inner().ok_or(AppError::Unexpected)?;
        let (mut file, mut dry_run) = (None, false);
        while let Some(field) = multipart.next_field().await.map_err(|e| AppError::Invalid(e.to_string()))? {
            match field.name() {
                Some("file") => {
                    let name = field.file_name().unwrap_or_default().to_owned();
                    let bytes = field.bytes().await.map_err(|e| AppError::Invalid(e.to_string()))?;
                    file = Some((name, bytes));
                }
                Some("dry_run") => dry_run = true,
                _ => {}
            }
        }
        let (name, bytes) = file.ok_or_else(|| AppError::Invalid("file".into()))?;
        let table = ssr::roster::decode(&name, &bytes)?;
        ssr::roster::import(&db, &scope, &table, dry_run, ssr::today()).await
    })
    .await
}

#[component]
pub fn RosterImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let upload = Action::new_local(|data: &web_sys_form::FormData| import_roster(data.clone().into()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(form) = web_sys_form::form_data(&ev) {
            upload.dispatch_local(form);
        }
    };
    view! {
        <section class="card">
            <h1>{t!(i18n, roster_import_title)}</h1>
            <p class="hint">{t!(i18n, roster_import_hint)}</p>
            <form on:submit=on_submit class="stack" enctype="multipart/form-data">
                <label for="roster-file">{t!(i18n, roster_file)}</label>
                <input id="roster-file" type="file" name="file" accept=".csv,.xlsx" required />
                <label class="check">
                    <input type="checkbox" name="dry_run" id="roster-dry-run" />
                    {t!(i18n, roster_dry_run)}
                </label>
                <button type="submit" id="roster-submit" disabled=move || upload.pending().get()>
                    {move || if upload.pending().get() { t_string!(i18n, roster_importing) } else { t_string!(i18n, roster_import) }}
                </button>
            </form>
            {move || upload.value().get().map(|result| match result {
                Ok(summary) => view! { <ImportResult summary /> }.into_any(),
                Err(AppError::Rows(rows)) => view! { <RowErrors rows /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn ImportResult(summary: ImportSummary) -> impl IntoView {
    let i18n = use_i18n();
    let ImportSummary { dry_run, rows, created, updated, moved, unchanged } = summary;
    view! {
        <div class="notice ok" role="status" id="roster-result">
            <p>
                {if dry_run { t_string!(i18n, roster_checked) } else { t_string!(i18n, roster_applied) }}
            </p>
            <p>{t!(i18n, roster_counts, rows = rows, created = created, updated = updated, moved = moved, unchanged = unchanged)}</p>
        </div>
    }
}

#[component]
fn RowErrors(rows: Vec<RowError>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice error" role="alert" id="roster-errors">
            <p>{t!(i18n, roster_refused, count = rows.len())}</p>
            <table class="grid">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, row)}</th>
                        <th scope="col">{t!(i18n, column)}</th>
                        <th scope="col">{t!(i18n, problem)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|e| {
                            let row = if e.row == 0 { String::new() } else { e.row.to_string() };
                            view! { <tr><td>{row}</td><td>{e.column}</td><td>{move || problem_text(i18n, &e.problem)}</td></tr> }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A roster problem in the reader's language.
fn problem_text(i18n: leptos_i18n::I18nContext<Locale>, problem: &RowProblem) -> String {
    match problem {
        RowProblem::EmptyFile => t_string!(i18n, rp_empty_file).to_string(),
        RowProblem::MissingColumn => t_string!(i18n, rp_missing_column).to_string(),
        RowProblem::BadStaffNumber(v) => t_string!(i18n, rp_bad_staff_number, value = v.clone()).to_string(),
        RowProblem::BadName => t_string!(i18n, rp_bad_name).to_string(),
        RowProblem::BadUnitCode(v) => t_string!(i18n, rp_bad_unit_code, value = v.clone()).to_string(),
        RowProblem::BadPositionCode(v) => t_string!(i18n, rp_bad_position_code, value = v.clone()).to_string(),
        RowProblem::BadGrade(v) => t_string!(i18n, rp_bad_grade, value = v.clone()).to_string(),
        RowProblem::BadFlag(v) => t_string!(i18n, rp_bad_flag, value = v.clone()).to_string(),
        RowProblem::BadDate(v) => t_string!(i18n, rp_bad_date, value = v.clone()).to_string(),
        RowProblem::DuplicateStaffNumber { first_row } => t_string!(i18n, rp_duplicate, row = *first_row).to_string(),
        RowProblem::UnknownUnit(v) => t_string!(i18n, rp_unknown_unit, value = v.clone()).to_string(),
        RowProblem::UnitOutsideScope(v) => t_string!(i18n, rp_unit_outside_scope, value = v.clone()).to_string(),
        RowProblem::UnknownPosition(v) => t_string!(i18n, rp_unknown_position, value = v.clone()).to_string(),
        RowProblem::OfficerOutsideScope { unit } => t_string!(i18n, rp_officer_outside_scope, unit = unit.clone()).to_string(),
        RowProblem::StartsBeforeCurrent { position, unit, since } => {
            t_string!(i18n, rp_starts_before_current, position = position.clone(), unit = unit.clone(), since = since.clone()).to_string()
        }
        RowProblem::NotUtf8 { offset } => t_string!(i18n, rp_not_utf8, offset = *offset).to_string(),
        RowProblem::TooLarge { limit_mb } => t_string!(i18n, rp_too_large, limit = *limit_mb).to_string(),
        RowProblem::UnsupportedFormat => t_string!(i18n, rp_unsupported_format).to_string(),
        RowProblem::UnreadableWorkbook => t_string!(i18n, rp_unreadable_workbook).to_string(),
        RowProblem::Malformed(detail) => t_string!(i18n, rp_malformed, detail = detail.clone()).to_string(),
    }
}

/// The browser's FormData on the client; on the server the type only has to
/// exist for the action's signature, since uploads start in the browser.
mod web_sys_form {
    pub use leptos::web_sys::FormData;

    #[cfg(feature = "hydrate")]
    pub fn form_data(ev: &leptos::ev::SubmitEvent) -> Option<FormData> {
        use leptos::wasm_bindgen::JsCast;
        let form = ev.target()?.dyn_into::<leptos::web_sys::HtmlFormElement>().ok()?;
        FormData::new_with_form(&form).ok()
    }

    #[cfg(not(feature = "hydrate"))]
    pub fn form_data(_ev: &leptos::ev::SubmitEvent) -> Option<FormData> {
        None
    }
}
