//! Units, areas, positions, officers and their assignments, accounts and the
//! tables that keep server instances stateless (sessions, login throttling).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Unit {
    Table,
    Id,
    Code,
    Name,
    Level,
    ParentId,
    Path,
}

#[derive(DeriveIden)]
enum Area {
    Table,
    Id,
    Code,
    NameVi,
    NameEn,
}

#[derive(DeriveIden)]
enum Position {
    Table,
    Id,
    Code,
    NameVi,
    NameEn,
}

#[derive(DeriveIden)]
enum PositionArea {
    Table,
    PositionId,
    AreaId,
    Weight,
}

#[derive(DeriveIden)]
enum Officer {
    Table,
    Id,
    StaffNumber,
    FullName,
    NameFolded,
    UnitId,
    Grade,
    Leader,
}

#[derive(DeriveIden)]
enum Assignment {
    Table,
    Id,
    OfficerId,
    PositionId,
    UnitId,
    StartsOn,
    EndsOn,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
    Username,
    PasswordHash,
    Role,
    UnitId,
    OfficerId,
    Locale,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WebSession {
    Table,
    Id,
    Data,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Username,
    Failures,
    LastFailureAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create().name(name).from(from.0, from.1).to(to.0, to.1).to_owned()
}

fn index(name: &str, table: impl IntoIden, column: impl IntoIden) -> IndexCreateStatement {
    Index::create().name(name).table(table).col(column).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Unit::Table)
                .col(pk_uuid(Unit::Id))
                .col(string_uniq(Unit::Code))
                .col(string(Unit::Name))
                .col(string(Unit::Level))
                .col(uuid_null(Unit::ParentId))
                .col(string_uniq(Unit::Path))
                .foreign_key(&mut fk("fk_unit_parent", (Unit::Table, Unit::ParentId), (Unit::Table, Unit::Id)))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Area::Table)
                .col(pk_uuid(Area::Id))
                .col(string_uniq(Area::Code))
                .col(string(Area::NameVi))
                .col(string(Area::NameEn))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Position::Table)
                .col(pk_uuid(Position::Id))
                .col(string_uniq(Position::Code))
                .col(string(Position::NameVi))
                .col(string(Position::NameEn))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(PositionArea::Table)
                .col(uuid(PositionArea::PositionId))
                .col(uuid(PositionArea::AreaId))
                .col(integer(PositionArea::Weight))
                .primary_key(Index::create().col(PositionArea::PositionId).col(PositionArea::AreaId))
                .foreign_key(&mut fk(
                    "fk_position_area_position",
                    (PositionArea::Table, PositionArea::PositionId),
                    (Position::Table, Position::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_position_area_area",
                    (PositionArea::Table, PositionArea::AreaId),
                    (Area::Table, Area::Id),
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Officer::Table)
                .col(pk_uuid(Officer::Id))
                .col(string_uniq(Officer::StaffNumber))
                .col(string(Officer::FullName))
                .col(string(Officer::NameFolded))
                .col(uuid(Officer::UnitId))
                .col(string(Officer::Grade))
                .col(boolean(Officer::Leader))
                .foreign_key(&mut fk("fk_officer_unit", (Officer::Table, Officer::UnitId), (Unit::Table, Unit::Id)))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_officer_unit", Officer::Table, Officer::UnitId)).await?;

        m.create_table(
            Table::create()
                .table(Assignment::Table)
                .col(pk_uuid(Assignment::Id))
                .col(uuid(Assignment::OfficerId))
                .col(uuid(Assignment::PositionId))
                .col(uuid(Assignment::UnitId))
                .col(date(Assignment::StartsOn))
                .col(date_null(Assignment::EndsOn))
                .foreign_key(&mut fk(
                    "fk_assignment_officer",
                    (Assignment::Table, Assignment::OfficerId),
                    (Officer::Table, Officer::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_assignment_position",
                    (Assignment::Table, Assignment::PositionId),
                    (Position::Table, Position::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_assignment_unit",
                    (Assignment::Table, Assignment::UnitId),
                    (Unit::Table, Unit::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_assignment_officer", Assignment::Table, Assignment::OfficerId)).await?;

        m.create_table(
            Table::create()
                .table(UserAccount::Table)
                .col(pk_uuid(UserAccount::Id))
                .col(string_uniq(UserAccount::Username))
                .col(string(UserAccount::PasswordHash))
                .col(string(UserAccount::Role))
                .col(uuid_null(UserAccount::UnitId))
                .col(uuid_null(UserAccount::OfficerId).unique_key())
                .col(string(UserAccount::Locale))
                .col(big_integer(UserAccount::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_user_unit",
                    (UserAccount::Table, UserAccount::UnitId),
                    (Unit::Table, Unit::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_user_officer",
                    (UserAccount::Table, UserAccount::OfficerId),
                    (Officer::Table, Officer::Id),
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(WebSession::Table)
                .col(string(WebSession::Id).primary_key())
                .col(text(WebSession::Data))
                .col(big_integer(WebSession::ExpiresAt))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_web_session_expires", WebSession::Table, WebSession::ExpiresAt)).await?;

        m.create_table(
            Table::create()
                .table(LoginThrottle::Table)
                .col(string(LoginThrottle::Username).primary_key())
                .col(integer(LoginThrottle::Failures))
                .col(big_integer(LoginThrottle::LastFailureAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LoginThrottle::Table.into_iden(),
            WebSession::Table.into_iden(),
            UserAccount::Table.into_iden(),
            Assignment::Table.into_iden(),
            Officer::Table.into_iden(),
            PositionArea::Table.into_iden(),
            Position::Table.into_iden(),
            Area::Table.into_iden(),
            Unit::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
