use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "officer")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub staff_number: String,
    pub full_name: String,
    /// `domain::text::fold(full_name)`, for diacritic-insensitive search.
    pub name_folded: String,
    pub unit_id: Uuid,
    pub grade: String,
    pub leader: bool,
}

impl ActiveModelBehavior for ActiveModel {}
