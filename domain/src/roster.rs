//! Roster rows as HR exports them, and what a re-import changes.
//!
//! The file decoding (CSV, XLSX) happens elsewhere; here a table of strings
//! becomes valid rows, or a list of every error with its row and column, so
//! that one bad row means nothing is written.

use crate::codes::{PositionCode, UnitCode};
use crate::grade::Grade;
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::{Date, Duration, macros::format_description};

/// The columns of a roster file. Headers are matched without case or
/// diacritics, in English or in Vietnamese as HR systems export them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    StaffNumber,
    FullName,
    UnitCode,
    PositionCode,
    Grade,
    Leader,
    AssignmentDate,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::StaffNumber,
        Column::FullName,
        Column::UnitCode,
        Column::PositionCode,
        Column::Grade,
        Column::Leader,
        Column::AssignmentDate,
    ];

    /// The canonical header, as written in templates and error messages.
    pub fn header(self) -> &'static str {
        match self {
            Column::StaffNumber => "staff_number",
            Column::FullName => "full_name",
            Column::UnitCode => "unit_code",
            Column::PositionCode => "position_code",
            Column::Grade => "grade",
            Column::Leader => "leader",
            Column::AssignmentDate => "assignment_date",
        }
    }

    fn vietnamese_header(self) -> &'static str {
        match self {
            Column::StaffNumber => "so hieu cong chuc",
            Column::FullName => "ho va ten",
            Column::UnitCode => "ma don vi",
            Column::PositionCode => "ma vi tri viec lam",
            Column::Grade => "ma ngach",
            Column::Leader => "lanh dao",
            Column::AssignmentDate => "ngay bo nhiem",
        }
    }

    fn matches(self, header: &str) -> bool {
        let folded = text::fold(header).replace(' ', "_");
        folded == self.header() || folded == self.vietnamese_header().replace(' ', "_")
    }
}

/// One officer as the roster states him on the day of the export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterRow {
    /// The row in the file (1 = header), for messages about this row later on.
    pub row: usize,
    pub staff_number: String,
    pub full_name: String,
    pub unit_code: UnitCode,
    pub position_code: PositionCode,
    pub grade: Grade,
    pub leader: bool,
    pub assigned_from: Date,
}

/// What is wrong with a roster file or one of its cells. A value, not a
/// sentence: the web page words it in the reader's language, the command
/// line in English (`Display`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    EmptyFile,
    MissingColumn,
    BadStaffNumber(String),
    BadName,
    BadUnitCode(String),
    BadPositionCode(String),
    BadGrade(String),
    BadFlag(String),
    BadDate(String),
    DuplicateStaffNumber { first_row: usize },
    UnknownUnit(String),
    UnitOutsideScope(String),
    UnknownPosition(String),
    /// The officer exists and belongs to a unit the importer does not administer.
    OfficerOutsideScope { unit: String },
    /// A move must start after the current assignment began.
    StartsBeforeCurrent { position: String, unit: String, since: String },
    NotUtf8 { offset: usize },
    TooLarge { limit_mb: usize },
    UnsupportedFormat,
    UnreadableWorkbook,
    Malformed(String),
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowProblem::EmptyFile => write!(f, "the file is empty"),
            RowProblem::MissingColumn => write!(f, "this column is missing from the header row"),
            RowProblem::BadStaffNumber(v) => write!(f, "'{v}' is not a staff number (1–20 letters or digits)"),
            RowProblem::BadName => write!(f, "the name is empty or longer than 100 characters"),
            RowProblem::BadUnitCode(v) => write!(f, "'{v}' is not a unit code"),
            RowProblem::BadPositionCode(v) => write!(f, "'{v}' is not a position code"),
            RowProblem::BadGrade(v) => write!(f, "'{v}' is not a grade code (08.049 to 08.053)"),
            RowProblem::BadFlag(v) => write!(f, "'{v}' is not yes/no (yes, no, x, 1, 0, có, không)"),
            RowProblem::BadDate(v) => write!(f, "'{v}' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
            RowProblem::DuplicateStaffNumber { first_row } => write!(f, "this staff number already appears in row {first_row}"),
            RowProblem::UnknownUnit(v) => write!(f, "unit {v} does not exist"),
            RowProblem::UnitOutsideScope(v) => write!(f, "unit {v} is outside the units you administer"),
            RowProblem::UnknownPosition(v) => write!(f, "position {v} does not exist"),
            RowProblem::OfficerOutsideScope { unit } => {
                write!(f, "this officer belongs to {unit}, outside the units you administer")
            }
            RowProblem::StartsBeforeCurrent { position, unit, since } => {
                write!(f, "the new assignment must start after the current one ({position} in {unit} since {since})")
            }
            RowProblem::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (first bad byte at offset {offset}); save the file as CSV UTF-8")
            }
            RowProblem::TooLarge { limit_mb } => write!(f, "the file is larger than {limit_mb} MB"),
            RowProblem::UnsupportedFormat => write!(f, "only .csv and .xlsx files can be imported"),
            RowProblem::UnreadableWorkbook => write!(f, "not a readable XLSX workbook"),
            RowProblem::Malformed(detail) => write!(f, "the file cannot be read as CSV: {detail}"),
        }
    }
}

/// What is wrong, and where: the row as the spreadsheet numbers it (0: the
/// file as a whole) and the column's header ("" for none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub problem: RowProblem,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, self.column.as_str()) {
            (0, _) => write!(f, "{}", self.problem),
            (row, "") => write!(f, "row {row}: {}", self.problem),
            (row, column) => write!(f, "row {row}, column {column}: {}", self.problem),
        }
    }
}

impl RowError {
    pub fn new(row: usize, column: Column, problem: RowProblem) -> Self {
        Self { row, column: column.header().to_owned(), problem }
    }

    /// A problem of the file as a whole.
    pub fn file(problem: RowProblem) -> Self {
        Self { row: 0, column: String::new(), problem }
    }
}

/// The rows that parsed, and the errors of those that did not. Callers check
/// the good rows further (against the database) before refusing the file, so
/// that one pass lists every problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedTable {
    pub rows: Vec<RosterRow>,
    pub errors: Vec<RowError>,
}

/// Parses a whole table whose first row is the header, found at row
/// `header_row` of the file. Only an unusable header (or no header) is an
/// error of the whole table.
pub fn parse_table(table: &[Vec<String>], header_row: usize) -> Result<ParsedTable, Vec<RowError>> {
    let Some((header, body)) = table.split_first() else {
        return Err(vec![RowError::file(RowProblem::EmptyFile)]);
    };
    let positions = locate_columns(header, header_row)?;
    let mut rows = Vec::with_capacity(body.len());
    let mut errors = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for (i, cells) in body.iter().enumerate() {
        let row = header_row + i + 1;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: Column| cells.get(positions[&c]).map(|s| s.trim()).unwrap_or("");
        match parse_row(row, cell) {
            Ok(parsed) => {
                if let Some(earlier) = first_seen.insert(parsed.staff_number.clone(), row) {
                    errors.push(RowError::new(row, Column::StaffNumber, RowProblem::DuplicateStaffNumber { first_row: earlier }));
                }
                rows.push(parsed);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    Ok(ParsedTable { rows, errors })
}

fn locate_columns(header: &[String], header_row: usize) -> Result<HashMap<Column, usize>, Vec<RowError>> {
    let mut found = HashMap::new();
    let mut errors = Vec::new();
    for column in Column::ALL {
        match header.iter().position(|h| column.matches(h)) {
            Some(i) => {
                found.insert(column, i);
            }
            None => errors.push(RowError::new(header_row, column, RowProblem::MissingColumn)),
        }
    }
    if errors.is_empty() { Ok(found) } else { Err(errors) }
}

fn parse_row<'a>(row: usize, cell: impl Fn(Column) -> &'a str) -> Result<RosterRow, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut check = |column: Column, ok: bool, problem: RowProblem| {
        if !ok {
            errors.push(RowError::new(row, column, problem));
        }
    };

    let staff_number = cell(Column::StaffNumber).to_owned();
    check(
        Column::StaffNumber,
        !staff_number.is_empty() && staff_number.len() <= 20 && staff_number.chars().all(|c| c.is_ascii_alphanumeric()),
        RowProblem::BadStaffNumber(staff_number.clone()),
    );
    let full_name = text::normalize(cell(Column::FullName));
    check(
        Column::FullName,
        !full_name.is_empty() && full_name.chars().count() <= 100,
        RowProblem::BadName,
    );
    let unit_code = UnitCode::parse(cell(Column::UnitCode));
    check(Column::UnitCode, unit_code.is_ok(), RowProblem::BadUnitCode(cell(Column::UnitCode).to_owned()));
    let position_code = PositionCode::parse(cell(Column::PositionCode));
    check(
        Column::PositionCode,
        position_code.is_ok(),
        RowProblem::BadPositionCode(cell(Column::PositionCode).to_owned()),
    );
    let grade = Grade::from_code(cell(Column::Grade));
    check(
        Column::Grade,
        grade.is_some(),
        RowProblem::BadGrade(cell(Column::Grade).to_owned()),
    );
    let leader = parse_flag(cell(Column::Leader));
    check(
        Column::Leader,
        leader.is_some(),
        RowProblem::BadFlag(cell(Column::Leader).to_owned()),
    );
    let assigned_from = parse_date(cell(Column::AssignmentDate));
    check(
        Column::AssignmentDate,
        assigned_from.is_some(),
        RowProblem::BadDate(cell(Column::AssignmentDate).to_owned()),
    );

    match (unit_code, position_code, grade, leader, assigned_from) {
        (Ok(unit_code), Ok(position_code), Some(grade), Some(leader), Some(assigned_from)) if errors.is_empty() => {
            Ok(RosterRow { row, staff_number, full_name, unit_code, position_code, grade, leader, assigned_from })
        }
        _ => Err(errors),
    }
}

fn parse_flag(s: &str) -> Option<bool> {
    match text::fold(s).as_str() {
        "yes" | "y" | "x" | "1" | "true" | "co" => Some(true),
        "no" | "n" | "" | "0" | "false" | "khong" => Some(false),
        _ => None,
    }
}

/// ISO dates as exported by systems, or DD/MM/YYYY as Vietnamese users type them.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    Date::parse(s, format_description!("[year]-[month]-[day]"))
        .or_else(|_| Date::parse(s, format_description!("[day]/[month]/[year]")))
        .ok()
}

/// The assignment in force on `today`: started on or before it and not ended before it.
pub fn in_force<T: AssignmentPeriod>(assignments: &[T], today: Date) -> Option<&T> {
    assignments
        .iter()
        .filter(|a| a.from() <= today && a.to().is_none_or(|to| to >= today))
        .max_by_key(|a| a.from())
}

pub trait AssignmentPeriod {
    fn from(&self) -> Date;
    fn to(&self) -> Option<Date>;
}

/// The officer's assignment as stored, compared against a roster row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentAssignment {
    pub unit_code: UnitCode,
    pub position_code: PositionCode,
    pub from: Date,
}

/// What a re-imported row does to an officer's assignment history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssignmentChange {
    /// Same unit and position: the history stays as it is.
    Keep,
    /// The first assignment we know of.
    Open { from: Date },
    /// Moved: the current assignment ends the day before the new one starts.
    Move { close_on: Date, open_from: Date },
}

/// Decides how a row changes the history. A move must start after the current
/// assignment began, or the two periods would overlap.
pub fn plan_assignment(row: &RosterRow, current: Option<&CurrentAssignment>) -> Result<AssignmentChange, RowError> {
    let Some(current) = current else {
        return Ok(AssignmentChange::Open { from: row.assigned_from });
    };
    if current.unit_code == row.unit_code && current.position_code == row.position_code {
        return Ok(AssignmentChange::Keep);
    }
    if row.assigned_from <= current.from {
        return Err(RowError::new(
            row.row,
            Column::AssignmentDate,
            RowProblem::StartsBeforeCurrent {
                position: current.position_code.to_string(),
                unit: current.unit_code.to_string(),
                since: current.from.to_string(),
            },
        ));
    }
    Ok(AssignmentChange::Move { close_on: row.assigned_from - Duration::days(1), open_from: row.assigned_from })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect()
    }

    const HEADER: &[&str] =
        &["staff_number", "full_name", "unit_code", "position_code", "grade", "leader", "assignment_date"];

    #[test]
    fn a_good_table_parses_with_english_or_vietnamese_headers() {
        let rows = parse_table(&table(&[
            HEADER,
            &["HQ0001", "Nguyễn Văn An", "hni-01", "vt-01", "08.051", "no", "2024-03-01"],
            &["", "", "", "", "", "", ""],
            &["HQ0002", " Trần Thị Bình ", "HNI", "VT-02", "08.050", "x", "15/07/2023"],
        ]), 1)
        .expect("valid table");
        assert!(rows.errors.is_empty());
        let rows = rows.rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].unit_code.as_str(), "HNI-01");
        assert_eq!(rows[1].row, 4);
        assert_eq!(rows[1].full_name, "Trần Thị Bình");
        assert!(rows[1].leader);
        assert_eq!(rows[1].assigned_from, date!(2023 - 07 - 15));

        let vietnamese = [
            "Số hiệu công chức",
            "Họ và tên",
            "Mã đơn vị",
            "Mã vị trí việc làm",
            "Mã ngạch",
            "Lãnh đạo",
            "Ngày bổ nhiệm",
        ];
        let rows = parse_table(&table(&[
            &vietnamese,
            &["HQ0003", "Lê Văn Cường", "HNI", "VT-01", "08.053", "không", "2022-01-10"],
        ]), 3)
        .expect("valid table")
        .rows;
        assert!(!rows[0].leader);
        assert_eq!(rows[0].row, 4, "rows are numbered from where the header stands");
    }

    #[test]
    fn every_bad_cell_is_reported_with_its_row_and_column() {
        let errors = parse_table(&table(&[
            HEADER,
            &["HQ 1", "", "H", "VT 1", "09.999", "maybe", "31/02/2024"],
        ]), 1)
        .expect("a header")
        .errors;
        let places: Vec<(usize, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(
            places,
            vec![
                (2, "staff_number"),
                (2, "full_name"),
                (2, "unit_code"),
                (2, "position_code"),
                (2, "grade"),
                (2, "leader"),
                (2, "assignment_date"),
            ]
        );
        assert_eq!(errors[6].problem, RowProblem::BadDate("31/02/2024".into()));
        assert_eq!(errors[6].to_string(), "row 2, column assignment_date: '31/02/2024' is not a date (YYYY-MM-DD or DD/MM/YYYY)");
    }

    #[test]
    fn a_missing_column_and_a_duplicate_staff_number_are_errors() {
        let errors = parse_table(&table(&[&HEADER[..6]]), 1).expect_err("no date column");
        assert_eq!(errors[0].column, "assignment_date");
        assert_eq!(errors[0].row, 1);

        let errors = parse_table(&table(&[
            HEADER,
            &["HQ0001", "A", "HNI", "VT-01", "08.051", "no", "2024-03-01"],
            &["HQ0001", "B", "HNI", "VT-01", "08.051", "no", "2024-03-01"],
        ]), 1)
        .expect("a header")
        .errors;
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].row, 3);
        assert_eq!(errors[0].problem, RowProblem::DuplicateStaffNumber { first_row: 2 });
        assert!(parse_table(&[], 1).is_err());
    }

    fn row(unit: &str, position: &str, from: Date) -> RosterRow {
        RosterRow {
            row: 2,
            staff_number: "HQ0001".into(),
            full_name: "A".into(),
            unit_code: UnitCode::parse(unit).expect("code"),
            position_code: PositionCode::parse(position).expect("code"),
            grade: Grade::Inspector,
            leader: false,
            assigned_from: from,
        }
    }

    #[test]
    fn re_import_keeps_opens_or_moves_the_assignment() {
        let current = CurrentAssignment {
            unit_code: UnitCode::parse("HNI").expect("code"),
            position_code: PositionCode::parse("VT-01").expect("code"),
            from: date!(2023 - 01 - 01),
        };
        assert_eq!(plan_assignment(&row("HNI", "VT-01", date!(2024 - 05 - 01)), Some(&current)), Ok(AssignmentChange::Keep));
        assert_eq!(
            plan_assignment(&row("HNI", "VT-02", date!(2024 - 05 - 01)), Some(&current)),
            Ok(AssignmentChange::Move { close_on: date!(2024 - 04 - 30), open_from: date!(2024 - 05 - 01) })
        );
        assert_eq!(
            plan_assignment(&row("HNI", "VT-02", date!(2024 - 05 - 01)), None),
            Ok(AssignmentChange::Open { from: date!(2024 - 05 - 01) })
        );
        let overlapping = plan_assignment(&row("HPG", "VT-01", date!(2023 - 01 - 01)), Some(&current));
        assert_eq!(overlapping.map_err(|e| e.column), Err("assignment_date".to_owned()));
    }

    struct Period(Date, Option<Date>);
    impl AssignmentPeriod for Period {
        fn from(&self) -> Date {
            self.0
        }
        fn to(&self) -> Option<Date> {
            self.1
        }
    }

    #[test]
    fn the_assignment_in_force_is_the_one_covering_today() {
        let history = [
            Period(date!(2020 - 01 - 01), Some(date!(2023 - 12 - 31))),
            Period(date!(2024 - 01 - 01), None),
        ];
        assert_eq!(in_force(&history, date!(2023 - 06 - 01)).map(|p| p.0), Some(date!(2020 - 01 - 01)));
        assert_eq!(in_force(&history, date!(2026 - 11 - 28)).map(|p| p.0), Some(date!(2024 - 01 - 01)));
        assert!(in_force(&history, date!(2019 - 01 - 01)).is_none());
    }
}
