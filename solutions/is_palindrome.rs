//! Reference solution: walk the alphanumeric `char`s in from both ends, comparing lowercase forms.

/// Returns whether the alphanumeric characters of `s` read the same from both ends, ignoring case.
pub fn is_palindrome(s: &str) -> bool {
    // `Filter<Chars>` is double-ended, so this needs no buffer: O(n) time, O(1) space.
    let mut kept = s.chars().filter(|c| c.is_alphanumeric());
    while let (Some(front), Some(back)) = (kept.next(), kept.next_back()) {
        // `to_lowercase` can yield several chars ('İ' gives "i\u{307}"), so compare all of them.
        if !front.to_lowercase().eq(back.to_lowercase()) {
            return false;
        }
    }
    // Nothing left, or a single middle character that matches itself.
    true
}
