//! Accounts: password hashing, login with throttling, account creation.

use super::entities::{login_throttle, user_account};
use crate::error::AppError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use domain::auth::{NewPassword, Username, login_backoff};
use domain::{OfficerId, Role, UnitId, UserId};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::time::Duration;
use time::OffsetDateTime;
use uuid::Uuid;

/// The signed-in user as every server function sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentUser {
    pub id: UserId,
    pub username: String,
    pub role: Role,
    pub unit: Option<UnitId>,
    pub officer: Option<OfficerId>,
    pub locale: String,
}

impl TryFrom<user_account::Model> for CurrentUser {
    type Error = AppError;
    fn try_from(m: user_account::Model) -> Result<Self, AppError> {
        let role = Role::parse(&m.role).map_err(|e| {
            tracing::error!(user = %m.username, error = %e, "stored role is unknown");
            AppError::Unexpected
        })?;
        Ok(CurrentUser {
            id: UserId::from_uuid(m.id),
            username: m.username,
            role,
            unit: m.unit_id.map(UnitId::from_uuid),
            officer: m.officer_id.map(OfficerId::from_uuid),
            locale: m.locale,
        })
    }
}

pub enum LoginOutcome {
    SignedIn(CurrentUser),
    /// Wrong user name or wrong password: deliberately not told apart.
    Refused,
    /// Too many recent failures for this name; try again after the wait.
    Throttled(Duration),
}

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

fn new_salt() -> SaltString {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    // 16 random bytes always encode to a valid salt.
    SaltString::encode_b64(&bytes).unwrap_or_else(|_| unreachable!("16 bytes make a valid salt"))
}

pub fn hash_password(password: &NewPassword) -> Result<String, AppError> {
    let salt = new_salt();
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Unexpected
        })
}

/// A hash of a password nobody knows, verified against when the user name does
/// not exist, so both failures take the same time.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = new_salt();
        Argon2::default()
            .hash_password(Uuid::new_v4().as_bytes(), &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

pub async fn login(db: &DatabaseConnection, username: &str, password: &str) -> Result<LoginOutcome, AppError> {
    let Ok(name) = Username::parse(username) else {
        return Ok(LoginOutcome::Refused);
    };
    let throttle = login_throttle::Entity::find_by_id(name.as_str().to_owned()).one(db).await?;
    if let Some(t) = &throttle {
        let wait = login_backoff(u32::try_from(t.failures).unwrap_or(u32::MAX));
        let elapsed = now().saturating_sub(t.last_failure_at);
        let remaining = i64::try_from(wait.as_secs()).unwrap_or(i64::MAX).saturating_sub(elapsed);
        if remaining > 0 {
            return Ok(LoginOutcome::Throttled(Duration::from_secs(remaining.unsigned_abs())));
        }
    }

    let user = user_account::Entity::find()
        .filter(user_account::Column::Username.eq(name.as_str()))
        .one(db)
        .await?;
    let hash = user.as_ref().map_or_else(|| decoy_hash().to_owned(), |u| u.password_hash.0.clone());
    let password = password.to_owned();
    // Argon2 is deliberately slow: keep it off the async workers.
    let matches = tokio::task::spawn_blocking(move || verify(&password, &hash)).await.map_err(|e| {
        tracing::error!(error = %e, "password check panicked");
        AppError::Unexpected
    })?;

    match user {
        Some(user) if matches => {
            if throttle.is_some() {
                login_throttle::Entity::delete_by_id(name.as_str().to_owned()).exec(db).await?;
            }
            Ok(LoginOutcome::SignedIn(user.try_into()?))
        }
        _ => {
            record_failure(db, &name, throttle).await?;
            Ok(LoginOutcome::Refused)
        }
    }
}

async fn record_failure(
    db: &DatabaseConnection,
    name: &Username,
    previous: Option<login_throttle::Model>,
) -> Result<(), AppError> {
    match previous {
        Some(t) => {
            let failures = t.failures.saturating_add(1);
            let mut row: login_throttle::ActiveModel = t.into();
            row.failures = Set(failures);
            row.last_failure_at = Set(now());
            row.update(db).await?;
        }
        None => {
            login_throttle::ActiveModel {
                username: Set(name.as_str().to_owned()),
                failures: Set(1),
                last_failure_at: Set(now()),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

pub async fn find_user(db: &DatabaseConnection, id: UserId) -> Result<Option<CurrentUser>, AppError> {
    user_account::Entity::find_by_id(id.as_uuid()).one(db).await?.map(CurrentUser::try_from).transpose()
}

pub async fn save_locale(db: &DatabaseConnection, id: UserId, locale: &str) -> Result<(), AppError> {
    user_account::Entity::update_many()
        .col_expr(user_account::Column::Locale, sea_orm::sea_query::Expr::value(locale))
        .filter(user_account::Column::Id.eq(id.as_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

pub struct NewAccount {
    pub username: Username,
    pub password: NewPassword,
    pub role: Role,
    pub unit: Option<UnitId>,
    pub officer: Option<OfficerId>,
}

pub async fn create_user(db: &DatabaseConnection, account: NewAccount) -> Result<UserId, AppError> {
    if account.role.needs_unit() && account.unit.is_none() {
        return Err(AppError::Invalid(format!("a {} account needs a unit", account.role.as_str())));
    }
    if account.role == Role::Officer && account.officer.is_none() {
        return Err(AppError::Invalid("an officer account needs an officer record".into()));
    }
    let id = UserId::new_random();
    let hash = hash_password(&account.password)?;
    let result = user_account::ActiveModel {
        id: Set(id.as_uuid()),
        username: Set(account.username.as_str().to_owned()),
        password_hash: Set(user_account::PasswordHashText(hash)),
        role: Set(account.role.as_str().to_owned()),
        unit_id: Set(account.unit.map(|u| u.as_uuid())),
        officer_id: Set(account.officer.map(|o| o.as_uuid())),
        locale: Set("vi".to_owned()),
        created_at: Set(now()),
    }
    .insert(db)
    .await;
    match result {
        Ok(_) => Ok(id),
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            Err(AppError::Invalid(format!("the username '{}' is taken", account.username.as_str())))
        }
        Err(e) => Err(e.into()),
    }
}
