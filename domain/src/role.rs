use serde::{Deserialize, Serialize};

/// What a user may do. One role per account: an officer who also reviews
/// questions gets a second account, so every action is attributable to a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Officer,
    UnitAdmin,
    Author,
    Reviewer,
    CentralAdmin,
    Supervisor,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role '{0}' (expected one of: officer, unit_admin, author, reviewer, central_admin, supervisor)")]
pub struct UnknownRole(pub String);

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Officer,
        Role::UnitAdmin,
        Role::Author,
        Role::Reviewer,
        Role::CentralAdmin,
        Role::Supervisor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::UnitAdmin => "unit_admin",
            Role::Author => "author",
            Role::Reviewer => "reviewer",
            Role::CentralAdmin => "central_admin",
            Role::Supervisor => "supervisor",
        }
    }

    pub fn parse(s: &str) -> Result<Self, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }

    /// Roles whose account is bound to a unit and sees only that unit's subtree.
    pub fn needs_unit(self) -> bool {
        matches!(self, Role::UnitAdmin | Role::Supervisor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert!(Role::parse("admin").is_err());
    }
}
