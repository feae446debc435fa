use sea_orm::entity::prelude::*;
use time::Date;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assignment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub officer_id: Uuid,
    pub position_id: Uuid,
    pub unit_id: Uuid,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
}

impl ActiveModelBehavior for ActiveModel {}

impl domain::roster::AssignmentPeriod for Model {
    fn from(&self) -> Date {
        self.starts_on
    }
    fn to(&self) -> Option<Date> {
        self.ends_on
    }
}
