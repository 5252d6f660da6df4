//! The font files bundled with the app (origin and licence in `assets/fonts/`), shared by the
//! window (`ui::fonts` hands them to egui) and by print (`export::handout` embeds them), so a
//! name reads the same on screen and on paper.

/// Noto Sans Regular: Latin (with ə ğ ı ş), Cyrillic, Greek.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// The scripts Noto Sans lacks, one font each, in the order they are tried after it. Regular
/// weight only: bold text uses them too.
pub const FALLBACKS: [(&str, &[u8]); 4] = [
    (
        "NotoSansArmenian-Regular",
        include_bytes!("../../assets/fonts/NotoSansArmenian-Regular.ttf"),
    ),
    (
        "NotoSansGeorgian-Regular",
        include_bytes!("../../assets/fonts/NotoSansGeorgian-Regular.ttf"),
    ),
    (
        "NotoSansHebrew-Regular",
        include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "NotoSansArabic-Regular",
        include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    ),
];
