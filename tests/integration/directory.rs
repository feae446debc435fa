use app::pages::central::{UnitNode, UnitTree};
use app::pages::officer::{MyProfile, OfficerProfile};
use app::pages::unit_admin::{ListOfficers, OfficerPage, PAGE_SIZE};
use tests::TestApp;

#[tokio::test]
async fn the_officer_sees_his_position_and_the_areas_it_requires() {
    let app = TestApp::spawn().await.expect("app");
    let officer = app.signed_in("officer").await;
    let profile: OfficerProfile = officer.call::<MyProfile, _>(&[]).await.expect("profile");
    assert!(!profile.leader, "the demo officer holds no leadership post");
    assert!(profile.unit_name.contains("Hà Nội"));
    let position = profile.position.expect("a position in force");
    assert!(position.areas.len() >= 2, "a position needs several areas");
    assert_eq!(position.areas.iter().map(|a| a.weight).sum::<i32>(), 100, "weights add up to 100 %");
}

#[tokio::test]
async fn search_ignores_diacritics_and_case_and_pages_are_complete() {
    let app = TestApp::spawn().await.expect("app");
    let central = app.signed_in("central").await;
    let folded: OfficerPage = central.call::<ListOfficers, _>(&[("search", "nguyen"), ("page", "1")]).await.expect("search");
    let accented: OfficerPage = central.call::<ListOfficers, _>(&[("search", "NGUYỄN"), ("page", "1")]).await.expect("search");
    assert!(folded.total > 0);
    assert_eq!(folded.total, accented.total);
    assert!(folded.rows.iter().all(|r| r.full_name.starts_with("Nguyễn") || r.full_name.contains("Nguyễn")));

    let by_number: OfficerPage = central.call::<ListOfficers, _>(&[("search", "hq00007"), ("page", "1")]).await.expect("search");
    assert_eq!(by_number.rows.iter().map(|r| r.staff_number.as_str()).collect::<Vec<_>>(), vec!["HQ00007"]);

    let wildcard: OfficerPage = central.call::<ListOfficers, _>(&[("search", "%"), ("page", "1")]).await.expect("search");
    assert_eq!(wildcard.total, 504, "a stray wildcard is ignored, not interpreted");

    let first: OfficerPage = central.call::<ListOfficers, _>(&[("search", ""), ("page", "1")]).await.expect("page 1");
    let second: OfficerPage = central.call::<ListOfficers, _>(&[("search", ""), ("page", "2")]).await.expect("page 2");
    assert_eq!(first.rows.len() as u64, PAGE_SIZE);
    assert_eq!(first.pages, 504u64.div_ceil(PAGE_SIZE));
    assert!(first.rows.iter().all(|a| second.rows.iter().all(|b| a.staff_number != b.staff_number)));
}

#[tokio::test]
async fn the_unit_tree_has_the_35_departments_with_their_headcounts() {
    let app = TestApp::spawn().await.expect("app");
    let central = app.signed_in("central").await;
    let roots: Vec<UnitNode> = central.call::<UnitTree, _>(&[]).await.expect("tree");
    assert_eq!(roots.len(), 1);
    let root = &roots[0];
    assert_eq!(root.code, "TCHQ");
    assert_eq!(root.officers, 504);
    let departments = root.children.iter().filter(|c| c.level.runs_assessments()).count();
    assert_eq!(departments, 35);
    assert!(root.children.iter().filter(|c| c.level.runs_assessments()).all(|d| (2..=3).contains(&d.children.len())));
}

#[tokio::test]
async fn the_list_filters_by_the_position_held_today() {
    let app = TestApp::spawn().await.expect("app");
    let central = app.signed_in("central").await;
    let all: OfficerPage = central.call::<ListOfficers, _>(&[("search", ""), ("page", "1")]).await.expect("all");
    assert_eq!(all.positions.len(), 20, "every position is offered");
    let code = all.rows.iter().find_map(|r| r.position_code.clone()).expect("someone holds a position");
    let filtered: OfficerPage =
        central.call::<ListOfficers, _>(&[("search", ""), ("position", &code), ("page", "1")]).await.expect("filtered");
    assert!(filtered.total > 0 && filtered.total < all.total, "{} of {}", filtered.total, all.total);
    assert!(filtered.rows.iter().all(|r| r.position_code.as_deref() == Some(code.as_str())));
    let none: OfficerPage =
        central.call::<ListOfficers, _>(&[("search", ""), ("position", "VT-NOPE"), ("page", "1")]).await.expect("unknown");
    assert_eq!(none.total, 0);
}
