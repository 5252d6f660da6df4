//! The recent-files list: newest first, each file once, at most [`MAX_RECENT`].

use std::path::PathBuf;

pub const MAX_RECENT: usize = 10;

/// Puts `opened` at the front of `recent` (in the order given), keeping each path once.
pub fn remember(recent: &mut Vec<PathBuf>, opened: &[PathBuf]) {
    for p in opened.iter().rev() {
        recent.retain(|r| r != p);
        recent.insert(0, p.clone());
    }
    recent.truncate(MAX_RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_repeats_and_bounded() {
        let mut r: Vec<PathBuf> = vec!["a".into(), "b".into()];
        remember(&mut r, &["c".into(), "a".into()]);
        assert_eq!(r, [PathBuf::from("c"), "a".into(), "b".into()]);
        let many: Vec<PathBuf> = (0..20).map(|i| format!("f{i}").into()).collect();
        remember(&mut r, &many);
        assert_eq!(r.len(), MAX_RECENT);
        assert_eq!(r[0], PathBuf::from("f0"));
    }
}
