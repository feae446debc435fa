//! Roster import: all-or-nothing, every error placed, re-import moves
//! assignments, scoped to the importer's units.

use app::error::AppError;
use domain::roster::RowProblem;
use app::ssr::entities::{assignment, officer, unit};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use tests::{TestApp, upload_roster};

const HEADER: &str = "staff_number,full_name,unit_code,position_code,grade,leader,assignment_date\n";

fn csv(rows: &[&str]) -> Vec<u8> {
    let mut text = HEADER.to_owned();
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}

async fn officer_named(app: &TestApp, staff_number: &str) -> Option<officer::Model> {
    officer::Entity::find().filter(officer::Column::StaffNumber.eq(staff_number)).one(&app.db).await.expect("query")
}

async fn officer_count(app: &TestApp) -> u64 {
    officer::Entity::find().count(&app.db).await.expect("count")
}

#[tokio::test]
async fn a_good_file_creates_officers_and_a_re_import_moves_the_assignment() {
    let app = TestApp::spawn().await.expect("app");
    let admin = app.signed_in("unitadmin").await;
    let summary = upload_roster(&admin, "roster.csv", csv(&["HQ90001,Đặng Thị Mai,HNI-CC01,VT-TNHS,08.051,no,2024-01-01"]), false)
        .await
        .expect("import");
    assert_eq!((summary.rows, summary.created, summary.moved), (1, 1, 0));
    let created = officer_named(&app, "HQ90001").await.expect("officer created");
    assert_eq!(created.name_folded, "dang thi mai");

    let again = upload_roster(&admin, "roster.csv", csv(&["HQ90001,Đặng Thị Mai,HNI-CC01,VT-TNHS,08.051,no,2024-01-01"]), false)
        .await
        .expect("same file again");
    assert_eq!((again.created, again.unchanged, again.moved), (0, 1, 0), "a re-import updates in place");

    // Vietnamese Excel writes ';' and DD/MM/YYYY.
    let moved = "staff_number;full_name;unit_code;position_code;grade;leader;assignment_date\nHQ90001;Đặng Thị Mai;HNI-CC02;VT-PLHH;08.050;no;01/06/2025\n";
    let summary = upload_roster(&admin, "roster.csv", moved.as_bytes().to_vec(), false).await.expect("move");
    assert_eq!((summary.moved, summary.updated), (1, 1));
    let history = assignment::Entity::find()
        .filter(assignment::Column::OfficerId.eq(created.id))
        .order_by_asc(assignment::Column::StartsOn)
        .all(&app.db)
        .await
        .expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].ends_on.map(|d| d.to_string()), Some("2025-05-31".to_owned()));
    assert_eq!(history[1].starts_on.to_string(), "2025-06-01");
    assert_eq!(history[1].ends_on, None);
    assert_eq!(officer_named(&app, "HQ90001").await.map(|o| o.grade), Some("08.050".to_owned()));
}

#[tokio::test]
async fn one_bad_row_writes_nothing_and_every_error_names_row_and_column() {
    let app = TestApp::spawn().await.expect("app");
    let admin = app.signed_in("unitadmin").await;
    let before = officer_count(&app).await;
    let result = upload_roster(
        &admin,
        "roster.csv",
        csv(&[
            "HQ90001,Good Row,HNI-CC01,VT-TNHS,08.051,no,2024-01-01",
            "HQ90002,,HNI-CC01,VT-NOPE,08.999,maybe,2024-13-01",
            "HQ90003,Unknown Unit,ZZZ,VT-TNHS,08.051,no,2024-01-01",
        ]),
        false,
    )
    .await;
    let Err(AppError::Rows(errors)) = result else { panic!("expected row errors, got {result:?}") };
    let places: Vec<(usize, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
    assert_eq!(
        places,
        vec![(3, "full_name"), (3, "grade"), (3, "leader"), (3, "assignment_date"), (4, "unit_code")],
        "{errors:?}"
    );
    assert_eq!(officer_count(&app).await, before, "nothing from the file was written");
    assert!(officer_named(&app, "HQ90001").await.is_none());

    // A syntactically fine row whose position does not exist is refused too.
    let result = upload_roster(&admin, "roster.csv", csv(&["HQ90001,Good Row,HNI-CC01,VT-NOPE,08.051,no,2024-01-01"]), false).await;
    let Err(AppError::Rows(errors)) = result else { panic!("expected row errors") };
    assert_eq!((errors[0].row, errors[0].column.as_str()), (2, "position_code"));
}

#[tokio::test]
async fn a_unit_admin_cannot_import_into_or_take_officers_from_another_unit() {
    let app = TestApp::spawn().await.expect("app");
    let admin = app.signed_in("unitadmin").await;
    let result = upload_roster(&admin, "roster.csv", csv(&["HQ90001,Elsewhere,HPG-CC01,VT-TNHS,08.051,no,2024-01-01"]), false).await;
    let Err(AppError::Rows(errors)) = result else { panic!("expected a scope error") };
    assert_eq!((errors[0].row, errors[0].column.as_str()), (2, "unit_code"));

    let hpg = unit::Entity::find().filter(unit::Column::Code.eq("HPG-CC01")).one(&app.db).await.expect("q").expect("HPG-CC01");
    let stranger = officer::Entity::find().filter(officer::Column::UnitId.eq(hpg.id)).one(&app.db).await.expect("q").expect("an officer");
    let row = format!("{},Taken Over,HNI-CC01,VT-TNHS,08.051,no,2030-01-01", stranger.staff_number);
    let result = upload_roster(&admin, "roster.csv", csv(&[&row]), false).await;
    let Err(AppError::Rows(errors)) = result else { panic!("expected a scope error") };
    assert_eq!(errors[0].column, "staff_number");
    assert_eq!(errors[0].problem, RowProblem::OfficerOutsideScope { unit: "HPG-CC01".into() });
    assert_eq!(officer_named(&app, &stranger.staff_number).await.map(|o| o.unit_id), Some(hpg.id), "unchanged");
}

#[tokio::test]
async fn xlsx_files_import_and_a_dry_run_writes_nothing() {
    let app = TestApp::spawn().await.expect("app");
    let central = app.signed_in("central").await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = ["Số hiệu công chức", "Họ và tên", "Mã đơn vị", "Mã vị trí việc làm", "Mã ngạch", "Lãnh đạo", "Ngày bổ nhiệm"];
    for (col, title) in header.iter().enumerate() {
        sheet.write_string(0, col as u16, *title).expect("header");
    }
    let row = ["HQ90010", "Võ Minh Khánh", "HPG-CC01", "VT-KSBL", "08.052", "không", "2023-09-15"];
    for (col, value) in row.iter().enumerate() {
        sheet.write_string(1, col as u16, *value).expect("cell");
    }
    let bytes = book.save_to_buffer().expect("xlsx");

    let dry = upload_roster(&central, "roster.xlsx", bytes.clone(), true).await.expect("dry run");
    assert!(dry.dry_run);
    assert_eq!(dry.created, 1);
    assert!(officer_named(&app, "HQ90010").await.is_none(), "a dry run writes nothing");

    let done = upload_roster(&central, "roster.xlsx", bytes, false).await.expect("import");
    assert_eq!(done.created, 1);
    assert_eq!(officer_named(&app, "HQ90010").await.map(|o| o.full_name), Some("Võ Minh Khánh".to_owned()));
}

#[tokio::test]
async fn files_that_are_not_utf8_or_not_a_roster_are_refused_clearly() {
    let app = TestApp::spawn().await.expect("app");
    let central = app.signed_in("central").await;
    let latin1 = b"staff_number,full_name\nHQ1,Nguy\xe9n\n".to_vec();
    let Err(AppError::Rows(errors)) = upload_roster(&central, "roster.csv", latin1, false).await else { panic!("refused") };
    assert_eq!(errors[0].problem, RowProblem::NotUtf8 { offset: 31 });
    let Err(AppError::Rows(errors)) = upload_roster(&central, "roster.pdf", b"%PDF".to_vec(), false).await else { panic!("refused") };
    assert_eq!(errors[0].problem, RowProblem::UnsupportedFormat);
    let Err(AppError::Rows(errors)) = upload_roster(&central, "roster.xlsx", b"not a zip".to_vec(), false).await else { panic!("refused") };
    assert_eq!(errors[0].problem, RowProblem::UnreadableWorkbook);
}
