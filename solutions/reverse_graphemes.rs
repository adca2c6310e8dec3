//! Reference solution: reverse extended grapheme clusters, not `char`s or bytes.

use unicode_segmentation::UnicodeSegmentation;

/// Returns `s` with its extended grapheme clusters in reverse order.
pub fn reverse_string(s: &str) -> String {
    // `true` selects extended clusters (UAX #29), which keep spacing marks and prepended
    // characters with their base; each cluster is a `&str` slice copied whole.
    s.graphemes(true).rev().collect()
}
