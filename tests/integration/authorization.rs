//! Every server function refuses an anonymous caller and a caller of the
//! wrong role or unit.

use app::error::AppError;
use app::pages::central::{UnitNode, UnitTree};
use app::pages::officer::{MyProfile, OfficerProfile};
use app::pages::staff::{StaffHomeData, StaffOverview};
use app::pages::unit_admin::{ListOfficers, OfficerPage};
use tests::TestApp;

const FIRST_PAGE: [(&str, &str); 2] = [("search", ""), ("page", "1")];

#[tokio::test]
async fn anonymous_callers_are_refused_everywhere() {
    let app = TestApp::spawn().await.expect("app");
    let anonymous = app.client();
    assert_eq!(anonymous.call::<MyProfile, OfficerProfile>(&[]).await, Err(AppError::Unauthenticated));
    assert_eq!(anonymous.call::<ListOfficers, OfficerPage>(&FIRST_PAGE).await, Err(AppError::Unauthenticated));
    assert_eq!(anonymous.call::<UnitTree, Vec<UnitNode>>(&[]).await, Err(AppError::Unauthenticated));
    assert_eq!(anonymous.call::<StaffOverview, StaffHomeData>(&[]).await, Err(AppError::Unauthenticated));
    let upload = tests::upload_roster(&anonymous, "roster.csv", b"staff_number\n".to_vec(), false).await;
    assert_eq!(upload, Err(AppError::Unauthenticated));
}

#[tokio::test]
async fn each_role_reaches_only_its_own_functions() {
    let app = TestApp::spawn().await.expect("app");
    let officer = app.signed_in("officer").await;
    assert_eq!(officer.call::<ListOfficers, OfficerPage>(&FIRST_PAGE).await, Err(AppError::Forbidden));
    assert_eq!(officer.call::<UnitTree, Vec<UnitNode>>(&[]).await, Err(AppError::Forbidden));
    assert_eq!(officer.call::<StaffOverview, StaffHomeData>(&[]).await, Err(AppError::Forbidden));
    let upload = tests::upload_roster(&officer, "roster.csv", b"staff_number\n".to_vec(), false).await;
    assert_eq!(upload, Err(AppError::Forbidden));

    let unit_admin = app.signed_in("unitadmin").await;
    assert_eq!(unit_admin.call::<UnitTree, Vec<UnitNode>>(&[]).await, Err(AppError::Forbidden));
    assert_eq!(unit_admin.call::<MyProfile, OfficerProfile>(&[]).await, Err(AppError::Forbidden));

    let author = app.signed_in("author").await;
    assert_eq!(author.call::<ListOfficers, OfficerPage>(&FIRST_PAGE).await, Err(AppError::Forbidden));
    assert!(author.call::<StaffOverview, StaffHomeData>(&[]).await.is_ok());

    let supervisor = app.signed_in("supervisor").await;
    assert_eq!(supervisor.call::<ListOfficers, OfficerPage>(&FIRST_PAGE).await, Err(AppError::Forbidden));
}

#[tokio::test]
async fn a_unit_admin_sees_his_subtree_and_nothing_else() {
    let app = TestApp::spawn().await.expect("app");
    let unit_admin = app.signed_in("unitadmin").await;
    let own: OfficerPage = unit_admin.call::<ListOfficers, _>(&FIRST_PAGE).await.expect("own unit");
    assert_eq!(own.unit_code, "HNI");
    assert!(own.total > 0);
    assert!(own.rows.iter().all(|r| r.unit_code.starts_with("HNI")), "only Hà Nội officers");

    let branch: OfficerPage =
        unit_admin.call::<ListOfficers, _>(&[("unit", "HNI-CC01"), ("search", ""), ("page", "1")]).await.expect("branch");
    assert!(branch.total > 0 && branch.total < own.total);

    for other in ["HPG", "HPG-CC01", "TCHQ"] {
        let refused = unit_admin.call::<ListOfficers, OfficerPage>(&[("unit", other), ("search", ""), ("page", "1")]).await;
        assert_eq!(refused, Err(AppError::Forbidden), "{other}");
    }

    let central = app.signed_in("central").await;
    let hpg: OfficerPage =
        central.call::<ListOfficers, _>(&[("unit", "HPG"), ("search", ""), ("page", "1")]).await.expect("central sees all");
    assert!(hpg.rows.iter().all(|r| r.unit_code.starts_with("HPG")));
    let everyone: OfficerPage = central.call::<ListOfficers, _>(&FIRST_PAGE).await.expect("root");
    assert_eq!(everyone.unit_code, "TCHQ");
    assert_eq!(everyone.total, 504);
}

#[tokio::test]
async fn refusals_carry_their_http_status() {
    let app = TestApp::spawn().await.expect("app");
    let post = |client: &tests::Client, url: &str| client.http.post(format!("{}{url}", app.address)).form(&FIRST_PAGE).send();
    let list = <ListOfficers as leptos::server_fn::ServerFn>::url();
    assert_eq!(post(&app.client(), list).await.expect("anonymous").status(), 401);
    let officer = app.signed_in("officer").await;
    assert_eq!(post(&officer, list).await.expect("officer").status(), 403);
    let admin = app.signed_in("unitadmin").await;
    assert_eq!(post(&admin, list).await.expect("unit admin").status(), 200);
    let bad = admin
        .http
        .post(format!("{}{list}", app.address))
        .form(&[("unit", "NO-SUCH-UNIT"), ("search", ""), ("page", "1")])
        .send()
        .await
        .expect("unknown unit");
    assert_eq!(bad.status(), 404);
}
