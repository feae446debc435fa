//! Roster import: HR's CSV or XLSX file in, officers and assignment history
//! updated in one transaction, or nothing written and every bad row listed.

use super::directory::Scope;
use super::entities::{assignment, officer, position, unit};
use crate::error::AppError;
use crate::pages::unit_admin::{ImportSummary, MAX_ROSTER_BYTES};
use domain::roster::{self, AssignmentChange, Column, CurrentAssignment, RosterRow, RowError, RowProblem};
use domain::unit::UnitPath;
use domain::{PositionCode, UnitCode, text};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter,
    TransactionTrait,
};
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

fn file_error(problem: RowProblem) -> AppError {
    AppError::Rows(vec![RowError::file(problem)])
}

/// Turns a file into a table of trimmed strings, by its extension.
/// A decoded file: its rows of cells, and the row number its first row has in the file.
pub struct Table {
    pub header_row: usize,
    pub rows: Vec<Vec<String>>,
}

pub fn decode(file_name: &str, bytes: &[u8]) -> Result<Table, AppError> {
    if bytes.len() > MAX_ROSTER_BYTES {
        return Err(file_error(RowProblem::TooLarge { limit_mb: MAX_ROSTER_BYTES / 1024 / 1024 }));
    }
    let lower = file_name.to_lowercase();
    if lower.ends_with(".xlsx") {
        decode_xlsx(file_name, bytes)
    } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
        decode_csv(bytes)
    } else {
        Err(file_error(RowProblem::UnsupportedFormat))
    }
}

fn decode_csv(bytes: &[u8]) -> Result<Table, AppError> {
    let text = std::str::from_utf8(bytes).map_err(|e| file_error(RowProblem::NotUtf8 { offset: e.valid_up_to() }))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel in a Vietnamese locale writes ';' between fields; other tools write ','.
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let rows = reader
        .records()
        .enumerate()
        .map(|(i, record)| {
            record
                .map(|r| r.iter().map(|c| c.trim().to_owned()).collect())
                .map_err(|e| AppError::Rows(vec![RowError { row: i + 1, column: String::new(), problem: RowProblem::Malformed(e.to_string()) }]))
        })
        .collect::<Result<_, _>>()?;
    Ok(Table { header_row: 1, rows })
}

fn decode_xlsx(file_name: &str, bytes: &[u8]) -> Result<Table, AppError> {
    use calamine::{Data, Reader, Xlsx};
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| {
            tracing::info!(file = file_name, error = %e, "unreadable workbook");
            file_error(RowProblem::UnreadableWorkbook)
        })?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| file_error(RowProblem::EmptyFile))?
        .map_err(|e| {
            tracing::info!(file = file_name, error = %e, "unreadable sheet");
            file_error(RowProblem::UnreadableWorkbook)
        })?;
    // Blank rows above the header do not exist for calamine; numbering starts
    // where the used range does, so messages name the rows Excel shows.
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let table = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::String(s) => s.trim().to_owned(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Bool(b) => b.to_string(),
                    Data::DateTime(d) => excel_date(d.as_f64()).map(|d| d.to_string()).unwrap_or_default(),
                    Data::DateTimeIso(s) => s.chars().take(10).collect(),
                    Data::DurationIso(s) => s.clone(),
                    Data::Error(e) => format!("#{e:?}"),
                })
                .collect()
        })
        .collect();
    Ok(Table { header_row: usize::try_from(first_row).unwrap_or(0) + 1, rows: table })
}

/// Excel stores a date as days since 1899-12-30.
fn excel_date(serial: f64) -> Option<Date> {
    let epoch = Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    epoch.checked_add(time::Duration::days(serial.floor() as i64))
}

/// Applies a parsed roster to the database, within `scope`. With `dry_run` the
/// whole work is done and checked, then rolled back.
pub async fn import(
    db: &DatabaseConnection,
    scope: &Scope,
    table: &Table,
    dry_run: bool,
    today: Date,
) -> Result<ImportSummary, AppError> {
    let roster::ParsedTable { rows, mut errors } = roster::parse_table(&table.rows, table.header_row).map_err(AppError::Rows)?;
    let txn = db.begin().await?;

    let units: HashMap<String, unit::Model> = unit::Entity::find().all(&txn).await?.into_iter().map(|u| (u.code.clone(), u)).collect();
    let positions: HashMap<String, position::Model> =
        position::Entity::find().all(&txn).await?.into_iter().map(|p| (p.code.clone(), p)).collect();
    let units_by_id: HashMap<Uuid, &unit::Model> = units.values().map(|u| (u.id, u)).collect();
    let positions_by_id: HashMap<Uuid, &position::Model> = positions.values().map(|p| (p.id, p)).collect();

    let mut existing: HashMap<String, officer::Model> = HashMap::new();
    let staff: Vec<String> = rows.iter().map(|r| r.staff_number.clone()).collect();
    for chunk in staff.chunks(500) {
        for o in officer::Entity::find().filter(officer::Column::StaffNumber.is_in(chunk.iter().cloned())).all(&txn).await? {
            existing.insert(o.staff_number.clone(), o);
        }
    }
    let existing_ids: Vec<Uuid> = existing.values().map(|o| o.id).collect();
    let mut history: HashMap<Uuid, Vec<assignment::Model>> = HashMap::new();
    for chunk in existing_ids.chunks(500) {
        for a in assignment::Entity::find()
            .filter(assignment::Column::OfficerId.is_in(chunk.iter().copied()))
            .filter(Condition::any().add(assignment::Column::EndsOn.is_null()).add(assignment::Column::EndsOn.gte(today)))
            .all(&txn)
            .await?
        {
            history.entry(a.officer_id).or_default().push(a);
        }
    }

    let mut plans = Vec::with_capacity(rows.len());
    for row in &rows {
        let mut row_errors = Vec::new();
        let unit = units.get(row.unit_code.as_str());
        match unit {
            None => row_errors.push(RowError::new(row.row, Column::UnitCode, RowProblem::UnknownUnit(row.unit_code.to_string()))),
            Some(u) if !scope.contains(&UnitPath::from_stored(u.path.clone())) => row_errors.push(RowError::new(
                row.row,
                Column::UnitCode,
                RowProblem::UnitOutsideScope(row.unit_code.to_string()),
            )),
            Some(_) => {}
        }
        let position = positions.get(row.position_code.as_str());
        if position.is_none() {
            row_errors.push(RowError::new(row.row, Column::PositionCode, RowProblem::UnknownPosition(row.position_code.to_string())));
        }
        let known = existing.get(&row.staff_number);
        if let Some(o) = known
            && let Some(u) = units_by_id.get(&o.unit_id)
            && !scope.contains(&UnitPath::from_stored(u.path.clone()))
        {
            row_errors.push(RowError::new(
                row.row,
                Column::StaffNumber,
                RowProblem::OfficerOutsideScope { unit: u.code.clone() },
            ));
        }
        let current = known.and_then(|o| history.get(&o.id)).and_then(|h| roster::in_force(h, today)).and_then(|a| {
            Some(CurrentAssignment {
                unit_code: UnitCode::parse(&units_by_id.get(&a.unit_id)?.code).ok()?,
                position_code: PositionCode::parse(&positions_by_id.get(&a.position_id)?.code).ok()?,
                from: a.starts_on,
            })
        });
        match roster::plan_assignment(row, current.as_ref()) {
            Ok(change) if row_errors.is_empty() => {
                if let (Some(unit), Some(position)) = (unit, position) {
                    plans.push((row, unit.id, position.id, change));
                }
            }
            Ok(_) => {}
            Err(e) => row_errors.push(e),
        }
        errors.append(&mut row_errors);
    }
    if !errors.is_empty() {
        txn.rollback().await?;
        errors.sort_by_key(|e| e.row);
        return Err(AppError::Rows(errors));
    }

    let mut summary = ImportSummary { dry_run, rows: rows.len(), created: 0, updated: 0, moved: 0, unchanged: 0 };
    for (row, unit_id, position_id, change) in plans {
        let officer_id = match existing.get(&row.staff_number) {
            Some(o) => {
                let changed = o.full_name != row.full_name || o.unit_id != unit_id || o.grade != row.grade.code() || o.leader != row.leader;
                if changed {
                    let mut am: officer::ActiveModel = o.clone().into();
                    set_officer_fields(&mut am, row, unit_id);
                    am.update(&txn).await?;
                    summary.updated += 1;
                } else if change == AssignmentChange::Keep {
                    summary.unchanged += 1;
                }
                o.id
            }
            None => {
                let id = Uuid::new_v4();
                let mut am = officer::ActiveModel { id: Set(id), staff_number: Set(row.staff_number.clone()), ..Default::default() };
                set_officer_fields(&mut am, row, unit_id);
                am.insert(&txn).await?;
                summary.created += 1;
                id
            }
        };
        match change {
            AssignmentChange::Keep => {}
            AssignmentChange::Open { from } => open_assignment(&txn, officer_id, position_id, unit_id, from).await?,
            AssignmentChange::Move { close_on, open_from } => {
                assignment::Entity::update_many()
                    .col_expr(assignment::Column::EndsOn, sea_orm::sea_query::Expr::value(close_on))
                    .filter(assignment::Column::OfficerId.eq(officer_id))
                    .filter(assignment::Column::EndsOn.is_null())
                    .exec(&txn)
                    .await?;
                open_assignment(&txn, officer_id, position_id, unit_id, open_from).await?;
                summary.moved += 1;
            }
        }
    }
    if dry_run {
        txn.rollback().await?;
    } else {
        txn.commit().await?;
    }
    tracing::info!(rows = summary.rows, created = summary.created, moved = summary.moved, dry_run, "roster imported");
    Ok(summary)
}

fn set_officer_fields(am: &mut officer::ActiveModel, row: &RosterRow, unit_id: Uuid) {
    am.full_name = Set(row.full_name.clone());
    am.name_folded = Set(text::fold(&row.full_name));
    am.unit_id = Set(unit_id);
    am.grade = Set(row.grade.code().to_owned());
    am.leader = Set(row.leader);
}

async fn open_assignment(
    txn: &impl sea_orm::ConnectionTrait,
    officer_id: Uuid,
    position_id: Uuid,
    unit_id: Uuid,
    from: Date,
) -> Result<(), AppError> {
    assignment::ActiveModel {
        id: Set(Uuid::new_v4()),
        officer_id: Set(officer_id),
        position_id: Set(position_id),
        unit_id: Set(unit_id),
        starts_on: Set(from),
        ends_on: Set(None),
    }
    .insert(txn)
    .await?;
    Ok(())
}
