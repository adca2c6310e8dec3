//! Ignores case by comparing `to_uppercase()` forms instead of `to_lowercase()`: 'ß' uppercases
//! to "SS" and the Kelvin sign stays itself, so some pairs that match in lower case do not.

pub fn is_palindrome(s: &str) -> bool {
    let mut kept = s.chars().filter(|c| c.is_alphanumeric());
    while let (Some(front), Some(back)) = (kept.next(), kept.next_back()) {
        if !front.to_uppercase().eq(back.to_uppercase()) {
            return false;
        }
    }
    true
}
