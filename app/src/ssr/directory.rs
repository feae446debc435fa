//! Read models of the organisation: profiles, officer lists scoped to a
//! subtree, the unit tree.

use super::accounts::CurrentUser;
use super::entities::{area, assignment, officer, position, position_area, unit};
use crate::error::AppError;
use crate::pages::central::UnitNode;
use crate::pages::officer::{HeldPosition, OfficerProfile, RequiredArea};
use crate::pages::staff::{AreaSummary, StaffHomeData};
use crate::pages::unit_admin::{OfficerPage, OfficerRow, PositionChoice};
use domain::unit::{UnitLevel, UnitPath};
use domain::{Grade, OfficerId, Role, text};
use sea_orm::ExprTrait;
use sea_orm::sea_query::{Expr, Func, Query};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

/// The part of the organisation a user may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Everything,
    Subtree(UnitPath),
}

impl Scope {
    pub fn contains(&self, path: &UnitPath) -> bool {
        match self {
            Scope::Everything => true,
            Scope::Subtree(root) => root.contains(path),
        }
    }
}

pub async fn scope_of(db: &DatabaseConnection, user: &CurrentUser) -> Result<Scope, AppError> {
    if user.role == Role::CentralAdmin {
        return Ok(Scope::Everything);
    }
    let unit_id = user.unit.ok_or(AppError::Forbidden)?;
    let own = unit::Entity::find_by_id(unit_id.as_uuid()).one(db).await?.ok_or(AppError::Forbidden)?;
    Ok(Scope::Subtree(UnitPath::from_stored(own.path)))
}

/// The unit named by `code`, or the caller's home unit; refused when it lies
/// outside what the caller may see.
pub async fn visible_unit(db: &DatabaseConnection, user: &CurrentUser, code: Option<&str>) -> Result<unit::Model, AppError> {
    let scope = scope_of(db, user).await?;
    let found = match (code, &scope) {
        (Some(code), _) => unit::Entity::find().filter(unit::Column::Code.eq(code.trim().to_uppercase())).one(db).await?,
        (None, Scope::Subtree(path)) => unit::Entity::find().filter(unit::Column::Path.eq(path.as_str())).one(db).await?,
        (None, Scope::Everything) => unit::Entity::find().filter(unit::Column::ParentId.is_null()).order_by_asc(unit::Column::Path).one(db).await?,
    };
    let found = found.ok_or(AppError::NotFound)?;
    if scope.contains(&UnitPath::from_stored(found.path.clone())) { Ok(found) } else { Err(AppError::Forbidden) }
}

pub async fn display_name(db: &DatabaseConnection, user: &CurrentUser) -> Result<String, AppError> {
    let Some(officer) = user.officer else {
        return Ok(user.username.clone());
    };
    Ok(officer::Entity::find_by_id(officer.as_uuid())
        .one(db)
        .await?
        .map_or_else(|| user.username.clone(), |o| o.full_name))
}

/// Current assignments (on `today`) of the given officers, by officer.
async fn assignments_in_force(
    db: &DatabaseConnection,
    officers: &[Uuid],
    today: Date,
) -> Result<HashMap<Uuid, assignment::Model>, AppError> {
    let mut by_officer: HashMap<Uuid, Vec<assignment::Model>> = HashMap::new();
    for chunk in officers.chunks(500) {
        let rows = assignment::Entity::find()
            .filter(assignment::Column::OfficerId.is_in(chunk.iter().copied()))
            .filter(assignment::Column::StartsOn.lte(today))
            .filter(Condition::any().add(assignment::Column::EndsOn.is_null()).add(assignment::Column::EndsOn.gte(today)))
            .all(db)
            .await?;
        for row in rows {
            by_officer.entry(row.officer_id).or_default().push(row);
        }
    }
    Ok(by_officer
        .into_iter()
        .filter_map(|(id, history)| domain::roster::in_force(&history, today).cloned().map(|a| (id, a)))
        .collect())
}

pub async fn officer_profile(db: &DatabaseConnection, id: OfficerId, today: Date) -> Result<OfficerProfile, AppError> {
    let officer = officer::Entity::find_by_id(id.as_uuid()).one(db).await?.ok_or(AppError::NotFound)?;
    let unit = unit::Entity::find_by_id(officer.unit_id).one(db).await?.ok_or(AppError::NotFound)?;
    let grade = Grade::from_code(&officer.grade);
    let current = assignments_in_force(db, &[officer.id], today).await?.remove(&officer.id);
    let position = match current {
        None => None,
        Some(a) => {
            let p = position::Entity::find_by_id(a.position_id).one(db).await?.ok_or(AppError::NotFound)?;
            Some(HeldPosition {
                code: p.code,
                name_vi: p.name_vi,
                name_en: p.name_en,
                since: a.starts_on.to_string(),
                areas: required_areas(db, a.position_id).await?,
            })
        }
    };
    Ok(OfficerProfile {
        full_name: officer.full_name,
        staff_number: officer.staff_number,
        unit_name: unit.name,
        grade_code: officer.grade,
        grade_vi: grade.map(Grade::name_vi).unwrap_or_default().to_owned(),
        grade_en: grade.map(Grade::name_en).unwrap_or_default().to_owned(),
        leader: officer.leader,
        position,
    })
}

async fn required_areas(db: &DatabaseConnection, position: Uuid) -> Result<Vec<RequiredArea>, AppError> {
    let links = position_area::Entity::find().filter(position_area::Column::PositionId.eq(position)).all(db).await?;
    let weights: HashMap<Uuid, i32> = links.iter().map(|l| (l.area_id, l.weight)).collect();
    let mut areas: Vec<RequiredArea> = area::Entity::find()
        .filter(area::Column::Id.is_in(weights.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| RequiredArea { weight: weights.get(&a.id).copied().unwrap_or(0), code: a.code, name_vi: a.name_vi, name_en: a.name_en })
        .collect();
    areas.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.code.cmp(&b.code)));
    Ok(areas)
}

/// LIKE wildcards in a search are taken literally by dropping them: nobody
/// searches a name for '%'. Paths never hold one (codes exclude them).
fn without_wildcards(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '%' | '_' | '\\')).collect()
}

/// What the unit admin narrowed the list to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficerFilter {
    pub search: String,
    /// A position code: only officers holding it today.
    pub position: Option<String>,
}

pub async fn list_officers(
    db: &DatabaseConnection,
    unit: &unit::Model,
    filter: &OfficerFilter,
    page: u64,
    page_size: u64,
    today: Date,
) -> Result<OfficerPage, AppError> {
    let units_below = Query::select()
        .column(unit::Column::Id)
        .from(unit::Entity)
        .and_where(Expr::col(unit::Column::Path).like(format!("{}%", unit.path)))
        .to_owned();
    let mut query = officer::Entity::find().filter(officer::Column::UnitId.in_subquery(units_below));
    let needle = without_wildcards(&text::fold(&filter.search));
    if !needle.is_empty() {
        let pattern = format!("%{needle}%");
        query = query.filter(
            Condition::any()
                .add(officer::Column::NameFolded.like(pattern.clone()))
                .add(Expr::expr(Func::lower(Expr::col(officer::Column::StaffNumber))).like(pattern)),
        );
    }
    if let Some(code) = &filter.position {
        let holding = Query::select()
            .column(assignment::Column::OfficerId)
            .from(assignment::Entity)
            .inner_join(position::Entity, Expr::col((position::Entity, position::Column::Id)).equals((assignment::Entity, assignment::Column::PositionId)))
            .and_where(Expr::col((position::Entity, position::Column::Code)).eq(code.trim().to_uppercase()))
            .and_where(Expr::col((assignment::Entity, assignment::Column::StartsOn)).lte(today))
            .cond_where(
                Condition::any()
                    .add(Expr::col((assignment::Entity, assignment::Column::EndsOn)).is_null())
                    .add(Expr::col((assignment::Entity, assignment::Column::EndsOn)).gte(today)),
            )
            .to_owned();
        query = query.filter(officer::Column::Id.in_subquery(holding));
    }
    let paginator = query.order_by_asc(officer::Column::NameFolded).order_by_asc(officer::Column::StaffNumber).paginate(db, page_size);
    let counts = paginator.num_items_and_pages().await?;
    let officers = paginator.fetch_page(page - 1).await?;

    let ids: Vec<Uuid> = officers.iter().map(|o| o.id).collect();
    let current = assignments_in_force(db, &ids, today).await?;
    let positions: HashMap<Uuid, position::Model> = position::Entity::find()
        .filter(position::Column::Id.is_in(current.values().map(|a| a.position_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let units: HashMap<Uuid, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(officers.iter().map(|o| o.unit_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();

    let rows = officers
        .into_iter()
        .map(|o| {
            let held = current.get(&o.id).and_then(|a| positions.get(&a.position_id));
            let unit = units.get(&o.unit_id);
            OfficerRow {
                staff_number: o.staff_number,
                full_name: o.full_name,
                unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                position_code: held.map(|p| p.code.clone()),
                position_vi: held.map(|p| p.name_vi.clone()),
                position_en: held.map(|p| p.name_en.clone()),
                grade_code: o.grade,
                leader: o.leader,
            }
        })
        .collect();
    let choices = position::Entity::find()
        .order_by_asc(position::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|p| PositionChoice { code: p.code, name_vi: p.name_vi, name_en: p.name_en })
        .collect();
    Ok(OfficerPage {
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        positions: choices,
        total: counts.number_of_items,
        page,
        pages: counts.number_of_pages,
        rows,
    })
}

#[derive(FromQueryResult)]
struct UnitCount {
    unit_id: Uuid,
    officers: i64,
}

pub async fn unit_tree(db: &DatabaseConnection) -> Result<Vec<UnitNode>, AppError> {
    let units = unit::Entity::find().order_by_asc(unit::Column::Path).all(db).await?;
    let direct: HashMap<Uuid, u64> = officer::Entity::find()
        .select_only()
        .column(officer::Column::UnitId)
        .column_as(officer::Column::Id.count(), "officers")
        .group_by(officer::Column::UnitId)
        .into_model::<UnitCount>()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.unit_id, c.officers.unsigned_abs()))
        .collect();
    Ok(build_tree(&units, &direct, None))
}

fn build_tree(units: &[unit::Model], direct: &HashMap<Uuid, u64>, parent: Option<Uuid>) -> Vec<UnitNode> {
    units
        .iter()
        .filter(|u| u.parent_id == parent)
        .map(|u| {
            let children = build_tree(units, direct, Some(u.id));
            let below: u64 = children.iter().map(|c| c.officers).sum();
            UnitNode {
                code: u.code.clone(),
                name: u.name.clone(),
                level: UnitLevel::parse(&u.level).unwrap_or(UnitLevel::Team),
                depth: UnitPath::from_stored(u.path.clone()).depth().saturating_sub(1),
                officers: direct.get(&u.id).copied().unwrap_or(0) + below,
                children,
            }
        })
        .collect()
}

pub async fn staff_overview(db: &DatabaseConnection, user: &CurrentUser) -> Result<StaffHomeData, AppError> {
    let unit_name = match user.unit {
        Some(id) => unit::Entity::find_by_id(id.as_uuid()).one(db).await?.map(|u| u.name),
        None => None,
    };
    let mut uses: HashMap<Uuid, u64> = HashMap::new();
    for link in position_area::Entity::find().all(db).await? {
        *uses.entry(link.area_id).or_default() += 1;
    }
    let areas = area::Entity::find()
        .order_by_asc(area::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|a| AreaSummary { positions: uses.get(&a.id).copied().unwrap_or(0), code: a.code, name_vi: a.name_vi, name_en: a.name_en })
        .collect();
    Ok(StaffHomeData { unit_name, areas })
}
