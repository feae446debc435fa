use serde::{Deserialize, Serialize};

/// Customs civil-service grades (ngạch), by their official codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    /// 08.049 Kiểm tra viên cao cấp hải quan
    SeniorInspector,
    /// 08.050 Kiểm tra viên chính hải quan
    PrincipalInspector,
    /// 08.051 Kiểm tra viên hải quan
    Inspector,
    /// 08.052 Kiểm tra viên trung cấp hải quan
    AssistantInspector,
    /// 08.053 Nhân viên hải quan
    Staff,
}

impl Grade {
    pub const ALL: [Grade; 5] = [
        Grade::SeniorInspector,
        Grade::PrincipalInspector,
        Grade::Inspector,
        Grade::AssistantInspector,
        Grade::Staff,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Grade::SeniorInspector => "08.049",
            Grade::PrincipalInspector => "08.050",
            Grade::Inspector => "08.051",
            Grade::AssistantInspector => "08.052",
            Grade::Staff => "08.053",
        }
    }

    pub fn from_code(code: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.code() == code.trim())
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            Grade::SeniorInspector => "Kiểm tra viên cao cấp hải quan",
            Grade::PrincipalInspector => "Kiểm tra viên chính hải quan",
            Grade::Inspector => "Kiểm tra viên hải quan",
            Grade::AssistantInspector => "Kiểm tra viên trung cấp hải quan",
            Grade::Staff => "Nhân viên hải quan",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Grade::SeniorInspector => "Senior customs inspector",
            Grade::PrincipalInspector => "Principal customs inspector",
            Grade::Inspector => "Customs inspector",
            Grade::AssistantInspector => "Assistant customs inspector",
            Grade::Staff => "Customs staff",
        }
    }
}
