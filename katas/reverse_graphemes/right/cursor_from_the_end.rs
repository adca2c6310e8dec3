//! Walks the extended grapheme boundaries backwards with a `GraphemeCursor`, copying each
//! cluster into a buffer of the same byte length.

use unicode_segmentation::GraphemeCursor;

pub fn reverse_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut cursor = GraphemeCursor::new(s.len(), s.len(), true);
    let mut end = s.len();
    // With the whole string as one chunk, `prev_boundary` never asks for more context.
    while let Ok(Some(start)) = cursor.prev_boundary(s, 0) {
        out.push_str(&s[start..end]);
        end = start;
    }
    out
}
