//! The organisation tree. Its shape is data (units can be added, moved and
//! renamed); the only fixed rule is which levels run assessments.

use crate::codes::UnitCode;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitLevel {
    Central,
    Department,
    Branch,
    Team,
}

impl UnitLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitLevel::Central => "central",
            UnitLevel::Department => "department",
            UnitLevel::Branch => "branch",
            UnitLevel::Team => "team",
        }
    }

    pub fn parse(s: &str) -> Option<UnitLevel> {
        [UnitLevel::Central, UnitLevel::Department, UnitLevel::Branch, UnitLevel::Team]
            .into_iter()
            .find(|l| l.as_str() == s)
    }

    /// The assessment runs on two levels: the central level and the departments.
    pub fn runs_assessments(self) -> bool {
        matches!(self, UnitLevel::Central | UnitLevel::Department)
    }

    /// The level a child of this level has, if it may have children at all.
    pub fn child(self) -> Option<UnitLevel> {
        match self {
            UnitLevel::Central => Some(UnitLevel::Department),
            UnitLevel::Department => Some(UnitLevel::Branch),
            UnitLevel::Branch => Some(UnitLevel::Team),
            UnitLevel::Team => None,
        }
    }
}

/// The materialised path of a unit: the codes from the root down, as
/// `/HQ/HNI/HNI-01/`. A subtree is every path with the same prefix, which one
/// indexed `LIKE 'prefix%'` finds on SQLite and PostgreSQL alike.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitPath(String);

impl UnitPath {
    pub fn root(code: &UnitCode) -> Self {
        Self(format!("/{code}/"))
    }

    pub fn child(&self, code: &UnitCode) -> Self {
        Self(format!("{}{code}/", self.0))
    }

    /// Trusts a path read back from the database, where only `root` and `child` wrote it.
    pub fn from_stored(s: String) -> Self {
        Self(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn contains(&self, other: &UnitPath) -> bool {
        other.0.starts_with(&self.0)
    }

    pub fn depth(&self) -> usize {
        self.0.matches('/').count().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> UnitCode {
        UnitCode::parse(s).expect("valid code")
    }

    #[test]
    fn a_subtree_contains_its_descendants_and_not_its_siblings() {
        let hq = UnitPath::root(&code("HQ"));
        let hn = hq.child(&code("HN"));
        let hn_branch = hn.child(&code("HN-01"));
        let hp = hq.child(&code("HP"));
        let hn_lookalike = hq.child(&code("HN2"));
        assert!(hq.contains(&hn_branch));
        assert!(hn.contains(&hn_branch));
        assert!(hn.contains(&hn));
        assert!(!hn.contains(&hp));
        assert!(!hn.contains(&hn_lookalike), "a prefix of the code is not a parent");
        assert!(!hn_branch.contains(&hn));
        assert_eq!(hn_branch.depth(), 3);
    }

    #[test]
    fn only_central_and_departments_run_assessments() {
        assert!(UnitLevel::Central.runs_assessments());
        assert!(UnitLevel::Department.runs_assessments());
        assert!(!UnitLevel::Branch.runs_assessments());
        assert!(!UnitLevel::Team.runs_assessments());
    }
}
