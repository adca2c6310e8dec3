//! Reverses each line by grapheme clusters but keeps the lines in order (and `lines()` drops the
//! `\r` of a `\r\n` and a final newline).

use unicode_segmentation::UnicodeSegmentation;

pub fn reverse_string(s: &str) -> String {
    s.lines()
        .map(|line| line.graphemes(true).rev().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}
