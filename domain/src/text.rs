//! Text folding for search: Vietnamese users type without diacritics ("thue")
//! and expect to find "thuế".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases, strips every combining mark and maps đ/Đ to d, so that
/// `fold("Nguyễn Văn Đức") == "nguyen van duc"`. Whitespace runs collapse to one space.
pub fn fold(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Unicode NFC, trimmed: the form in which names are stored, so the same name
/// typed on two keyboards compares equal.
pub fn normalize(s: &str) -> String {
    s.trim().nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_vietnamese_diacritics() {
        assert_eq!(fold("Thuế xuất nhập khẩu"), "thue xuat nhap khau");
        assert_eq!(fold("  Nguyễn   Văn ĐỨC "), "nguyen van duc");
        assert_eq!(fold("Kiểm soát chống buôn lậu"), "kiem soat chong buon lau");
    }

    #[test]
    fn decomposed_and_composed_input_normalize_alike() {
        let composed = "Huế";
        let decomposed = "Hue\u{0302}\u{0301}";
        assert_eq!(normalize(decomposed), normalize(composed));
        assert_eq!(fold(decomposed), "hue");
    }
}
