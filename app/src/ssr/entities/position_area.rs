use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "position_area")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub position_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub area_id: Uuid,
    pub weight: i32,
}

impl ActiveModelBehavior for ActiveModel {}
