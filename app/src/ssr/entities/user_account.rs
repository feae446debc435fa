use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_account")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub username: String,
    pub password_hash: PasswordHashText,
    pub role: String,
    pub unit_id: Option<Uuid>,
    #[sea_orm(unique)]
    pub officer_id: Option<Uuid>,
    pub locale: String,
    pub created_at: i64,
}

impl ActiveModelBehavior for ActiveModel {}

/// An Argon2id PHC string. Its `Debug` is redacted so a logged model never
/// carries it.
#[derive(Clone, PartialEq, Eq, DeriveValueType)]
pub struct PasswordHashText(pub String);

impl std::fmt::Debug for PasswordHashText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHashText(..)")
    }
}
