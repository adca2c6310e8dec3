//! Splits on Unicode word boundaries and reverses the chars of each piece: clusters inside a piece still break.

use unicode_segmentation::UnicodeSegmentation;

pub fn reverse_string(s: &str) -> String {
    s.split_word_bounds()
        .rev()
        .map(|piece| piece.chars().rev().collect::<String>())
        .collect()
}
