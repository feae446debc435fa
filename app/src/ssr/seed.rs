//! Demo data: the 35 departments of 2023 with their branches, competency areas,
//! job positions, ~500 officers with assignment histories, and one account per
//! role. Only `exam-server seed-demo` (and `cargo xtask run` on an empty
//! database) calls this: `serve` never creates accounts with known passwords.

use super::accounts::{NewAccount, create_user};
use super::entities::{area, assignment, officer, position, position_area, unit};
use crate::error::AppError;
use domain::auth::{NewPassword, Username};
use domain::unit::{UnitLevel, UnitPath};
use domain::{Grade, OfficerId, Role, UnitCode, UnitId, text};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait};
use time::{Date, Duration};
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "demo12345";

/// The demo accounts, as the README and the start-up banner list them.
pub const DEMO_ACCOUNTS: [(&str, Role); 6] = [
    ("officer", Role::Officer),
    ("unitadmin", Role::UnitAdmin),
    ("author", Role::Author),
    ("reviewer", Role::Reviewer),
    ("central", Role::CentralAdmin),
    ("supervisor", Role::Supervisor),
];

/// The department the demo unit admin, supervisor and officer belong to.
pub const DEMO_DEPARTMENT: &str = "HNI";

const DEPARTMENTS: [(&str, &str); 35] = [
    ("HNI", "Hà Nội"),
    ("HCM", "TP. Hồ Chí Minh"),
    ("HPG", "Hải Phòng"),
    ("QNH", "Quảng Ninh"),
    ("LSN", "Lạng Sơn"),
    ("LCI", "Lào Cai"),
    ("CBG", "Cao Bằng"),
    ("HGG", "Hà Giang"),
    ("DBN", "Điện Biên"),
    ("THA", "Thanh Hóa"),
    ("NAN", "Nghệ An"),
    ("HTH", "Hà Tĩnh"),
    ("QBH", "Quảng Bình"),
    ("QTI", "Quảng Trị"),
    ("TTH", "Thừa Thiên Huế"),
    ("DNG", "Đà Nẵng"),
    ("QNM", "Quảng Nam"),
    ("QNI", "Quảng Ngãi"),
    ("BDH", "Bình Định"),
    ("GLK", "Gia Lai - Kon Tum"),
    ("DLK", "Đắk Lắk"),
    ("KHA", "Khánh Hòa"),
    ("BDG", "Bình Dương"),
    ("DNI", "Đồng Nai"),
    ("BRV", "Bà Rịa - Vũng Tàu"),
    ("TNH", "Tây Ninh"),
    ("BPC", "Bình Phước"),
    ("LAN", "Long An"),
    ("DTP", "Đồng Tháp"),
    ("AGG", "An Giang"),
    ("KGG", "Kiên Giang"),
    ("CTO", "Cần Thơ"),
    ("CMU", "Cà Mau"),
    ("BNH", "Bắc Ninh"),
    ("HNN", "Hà Nam Ninh"),
];

const BRANCH_KINDS: [&str; 3] =
    ["Chi cục Hải quan cửa khẩu", "Chi cục Hải quan quản lý hàng đầu tư", "Chi cục Kiểm tra sau thông quan"];

/// (code, Vietnamese, English)
const AREAS: [(&str, &str, &str); 11] = [
    ("TTGS", "Thủ tục và giám sát hải quan", "Customs procedures and supervision"),
    ("PLHH", "Phân loại hàng hóa", "Tariff classification"),
    ("TGHQ", "Trị giá hải quan", "Customs valuation"),
    ("XXHH", "Xuất xứ hàng hóa", "Rules of origin"),
    ("KTTN", "Kế toán thuế và thu nợ", "Tax accounting and debt collection"),
    ("KSCBL", "Kiểm soát chống buôn lậu", "Anti-smuggling and enforcement"),
    ("KTSTQ", "Kiểm tra sau thông quan", "Post-clearance audit"),
    ("QLRR", "Quản lý rủi ro", "Risk management"),
    ("XLVP", "Xử lý vi phạm hành chính", "Handling of administrative violations"),
    ("DDCV", "Đạo đức công vụ", "Public-service ethics and conduct"),
    ("STVB", "Soạn thảo văn bản", "Drafting of official documents"),
];

/// (code, Vietnamese, English, [(area, weight %)])
type PositionSpec = (&'static str, &'static str, &'static str, &'static [(&'static str, i32)]);
const POSITIONS: [PositionSpec; 20] = [
    ("VT-TNHS", "Tiếp nhận, kiểm tra hồ sơ hải quan", "Declaration checking", &[("TTGS", 30), ("PLHH", 20), ("TGHQ", 20), ("XXHH", 15), ("DDCV", 15)]),
    ("VT-KTTT", "Kiểm tra thực tế hàng hóa", "Physical inspection of goods", &[("TTGS", 40), ("PLHH", 25), ("QLRR", 20), ("DDCV", 15)]),
    ("VT-GSHQ", "Giám sát hải quan tại cửa khẩu", "Border-gate supervision", &[("TTGS", 50), ("QLRR", 25), ("KSCBL", 10), ("DDCV", 15)]),
    ("VT-PLHH", "Phân loại hàng hóa, áp mã HS", "Tariff classification", &[("PLHH", 60), ("TTGS", 20), ("DDCV", 20)]),
    ("VT-TGHQ", "Tham vấn, kiểm tra trị giá hải quan", "Valuation consultation and control", &[("TGHQ", 60), ("TTGS", 20), ("DDCV", 20)]),
    ("VT-XXHH", "Kiểm tra xuất xứ hàng hóa", "Origin verification", &[("XXHH", 60), ("TTGS", 20), ("DDCV", 20)]),
    ("VT-KTT", "Kế toán thuế xuất nhập khẩu", "Import-export tax accounting", &[("KTTN", 55), ("TGHQ", 15), ("TTGS", 15), ("DDCV", 15)]),
    ("VT-THNO", "Thu hồi nợ thuế, cưỡng chế", "Tax debt collection and enforcement", &[("KTTN", 50), ("XLVP", 25), ("DDCV", 25)]),
    ("VT-KSBL", "Kiểm soát chống buôn lậu", "Anti-smuggling control", &[("KSCBL", 50), ("XLVP", 20), ("QLRR", 15), ("DDCV", 15)]),
    ("VT-DTCB", "Điều tra chống buôn lậu", "Anti-smuggling investigation", &[("KSCBL", 45), ("XLVP", 30), ("STVB", 10), ("DDCV", 15)]),
    ("VT-KSMT", "Kiểm soát ma túy", "Narcotics control", &[("KSCBL", 60), ("TTGS", 20), ("DDCV", 20)]),
    ("VT-KTSTQ", "Kiểm tra sau thông quan", "Post-clearance audit", &[("KTSTQ", 40), ("TGHQ", 15), ("PLHH", 15), ("XXHH", 10), ("DDCV", 20)]),
    ("VT-QLRR", "Thu thập, phân tích thông tin rủi ro", "Risk information analysis", &[("QLRR", 60), ("TTGS", 20), ("DDCV", 20)]),
    ("VT-XLVP", "Xử lý vi phạm hành chính", "Administrative violation handling", &[("XLVP", 50), ("STVB", 20), ("TTGS", 15), ("DDCV", 15)]),
    ("VT-PHAP", "Pháp chế, giải quyết khiếu nại", "Legal affairs and complaints", &[("XLVP", 35), ("STVB", 35), ("DDCV", 30)]),
    ("VT-MDT", "Quản lý hàng gia công, sản xuất xuất khẩu", "Processing and export-production goods", &[("TTGS", 45), ("KTTN", 20), ("PLHH", 15), ("DDCV", 20)]),
    ("VT-KNQ", "Quản lý kho ngoại quan, địa điểm", "Bonded warehouses and premises", &[("TTGS", 55), ("QLRR", 25), ("DDCV", 20)]),
    ("VT-TCCB", "Tổ chức cán bộ", "Personnel", &[("STVB", 50), ("DDCV", 50)]),
    ("VT-VP", "Văn phòng, tổng hợp", "Office and coordination", &[("STVB", 60), ("DDCV", 40)]),
    ("VT-CNTT", "Quản trị hệ thống thông quan điện tử", "Electronic clearance systems", &[("TTGS", 40), ("QLRR", 30), ("DDCV", 30)]),
];

const FAMILY: [&str; 14] =
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
const MIDDLE: [&str; 10] = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc", "Đức", "Thu", "Hoài"];
const GIVEN: [&str; 24] = [
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh",
    "Long", "Mai", "Nam", "Nga", "Phong", "Quân", "Sơn", "Thảo", "Trang", "Tuấn",
];

/// Whether the database already holds an organisation (then seeding is skipped).
pub async fn is_seeded(db: &DatabaseConnection) -> Result<bool, AppError> {
    Ok(unit::Entity::find().count(db).await? > 0)
}

fn code(s: &str) -> Result<UnitCode, AppError> {
    UnitCode::parse(s).map_err(|e| AppError::Invalid(e.to_string()))
}

/// Loads the demo organisation as of `today`, from a fixed seed so every
/// newcomer sees the same officers.
pub async fn seed_demo(db: &DatabaseConnection, today: Date) -> Result<(), AppError> {
    let mut rng = StdRng::seed_from_u64(2023);
    let txn = db.begin().await?;

    let mut units = Vec::new();
    let central_code = code("TCHQ")?;
    let central_path = UnitPath::root(&central_code);
    let central = Uuid::new_v4();
    units.push(unit_row(central, &central_code, "Tổng cục Hải quan", UnitLevel::Central, None, &central_path));
    let reform_code = code("TCHQ-CCHDH")?;
    units.push(unit_row(
        Uuid::new_v4(),
        &reform_code,
        "Ban Cải cách hiện đại hóa",
        UnitLevel::Branch,
        Some(central),
        &central_path.child(&reform_code),
    ));

    // (unit id, department code) of every branch: officers are placed there.
    let mut branches: Vec<(Uuid, &str)> = Vec::new();
    let mut demo_department = None;
    for (dept_code, province) in DEPARTMENTS {
        let dept = Uuid::new_v4();
        let dcode = code(dept_code)?;
        let dpath = central_path.child(&dcode);
        units.push(unit_row(dept, &dcode, &format!("Cục Hải quan {province}"), UnitLevel::Department, Some(central), &dpath));
        if dept_code == DEMO_DEPARTMENT {
            demo_department = Some(dept);
        }
        let count = rng.random_range(2..=3);
        for (i, kind) in BRANCH_KINDS.iter().take(count).enumerate() {
            let bcode = code(&format!("{dept_code}-CC{:02}", i + 1))?;
            let id = Uuid::new_v4();
            units.push(unit_row(id, &bcode, &format!("{kind} – {province}"), UnitLevel::Branch, Some(dept), &dpath.child(&bcode)));
            branches.push((id, dept_code));
        }
    }
    unit::Entity::insert_many(units).exec(&txn).await?;

    let mut area_ids = std::collections::HashMap::new();
    let areas: Vec<area::ActiveModel> = AREAS
        .iter()
        .map(|(c, vi, en)| {
            let id = Uuid::new_v4();
            area_ids.insert(*c, id);
            area::ActiveModel { id: Set(id), code: Set((*c).into()), name_vi: Set((*vi).into()), name_en: Set((*en).into()) }
        })
        .collect();
    area::Entity::insert_many(areas).exec(&txn).await?;

    let mut position_ids = Vec::new();
    let mut links = Vec::new();
    let positions: Vec<position::ActiveModel> = POSITIONS
        .iter()
        .map(|(c, vi, en, needs)| {
            let id = Uuid::new_v4();
            position_ids.push(id);
            for (a, weight) in *needs {
                links.push(position_area::ActiveModel {
                    position_id: Set(id),
                    area_id: Set(area_ids[a]),
                    weight: Set(*weight),
                });
            }
            position::ActiveModel { id: Set(id), code: Set((*c).into()), name_vi: Set((*vi).into()), name_en: Set((*en).into()) }
        })
        .collect();
    position::Entity::insert_many(positions).exec(&txn).await?;
    position_area::Entity::insert_many(links).exec(&txn).await?;

    let mut officers = Vec::new();
    let mut assignments = Vec::new();
    let mut demo_officer = None;
    for n in 0..504usize {
        // Every department gets officers; the demo department a few more.
        let (unit_id, dept_code) = if n < 24 {
            *branches.iter().filter(|(_, d)| *d == DEMO_DEPARTMENT).nth(n % 2).ok_or(AppError::Unexpected)?
        } else {
            branches[n % branches.len()]
        };
        let name = format!(
            "{} {} {}",
            FAMILY.choose(&mut rng).ok_or(AppError::Unexpected)?,
            MIDDLE.choose(&mut rng).ok_or(AppError::Unexpected)?,
            GIVEN.choose(&mut rng).ok_or(AppError::Unexpected)?
        );
        let id = Uuid::new_v4();
        let leader = n % 10 == 9;
        let grade = Grade::ALL[[1, 2, 2, 2, 3, 3, 4][n % 7]];
        officers.push(officer::ActiveModel {
            id: Set(id),
            staff_number: Set(format!("HQ{:05}", n + 1)),
            full_name: Set(name.clone()),
            name_folded: Set(text::fold(&name)),
            unit_id: Set(unit_id),
            grade: Set(grade.code().into()),
            leader: Set(leader),
        });
        if dept_code == DEMO_DEPARTMENT && !leader && demo_officer.is_none() {
            demo_officer = Some(id);
        }
        let position = position_ids[rng.random_range(0..position_ids.len())];
        // One in eight moved recently: the old assignment is closed and a new
        // one began in the last two months, as a roster re-import would record.
        if n % 8 == 3 {
            let moved_on = today - Duration::days(rng.random_range(5..60));
            let earlier = position_ids[(position_ids.iter().position(|p| *p == position).unwrap_or(0) + 1) % position_ids.len()];
            assignments.push(assignment_row(id, earlier, unit_id, moved_on - Duration::days(rng.random_range(400..2000)), Some(moved_on - Duration::days(1))));
            assignments.push(assignment_row(id, position, unit_id, moved_on, None));
        } else {
            assignments.push(assignment_row(id, position, unit_id, today - Duration::days(rng.random_range(200..3000)), None));
        }
    }
    for chunk in officers.chunks(200) {
        officer::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in assignments.chunks(200) {
        assignment::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;

    let department = demo_department.map(UnitId::from_uuid);
    for (name, role) in DEMO_ACCOUNTS {
        let account = NewAccount {
            username: Username::parse(name).map_err(|e| AppError::Invalid(e.to_string()))?,
            password: NewPassword::parse(DEMO_PASSWORD.to_owned()).map_err(|e| AppError::Invalid(e.to_string()))?,
            role,
            unit: if role.needs_unit() { department } else { None },
            officer: (role == Role::Officer).then_some(demo_officer.map(OfficerId::from_uuid)).flatten(),
        };
        create_user(db, account).await?;
    }
    tracing::info!("demo data loaded");
    Ok(())
}

fn unit_row(id: Uuid, code: &UnitCode, name: &str, level: UnitLevel, parent: Option<Uuid>, path: &UnitPath) -> unit::ActiveModel {
    unit::ActiveModel {
        id: Set(id),
        code: Set(code.as_str().to_owned()),
        name: Set(name.to_owned()),
        level: Set(level.as_str().to_owned()),
        parent_id: Set(parent),
        path: Set(path.as_str().to_owned()),
    }
}

fn assignment_row(officer: Uuid, position: Uuid, unit: Uuid, from: Date, to: Option<Date>) -> assignment::ActiveModel {
    assignment::ActiveModel {
        id: Set(Uuid::new_v4()),
        officer_id: Set(officer),
        position_id: Set(position),
        unit_id: Set(unit),
        starts_on: Set(from),
        ends_on: Set(to),
    }
}
