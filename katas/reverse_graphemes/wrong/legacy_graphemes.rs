//! Uses legacy grapheme clusters (`graphemes(false)`), which split spacing marks and prepended characters off.

use unicode_segmentation::UnicodeSegmentation;

pub fn reverse_string(s: &str) -> String {
    s.graphemes(false).rev().collect()
}
