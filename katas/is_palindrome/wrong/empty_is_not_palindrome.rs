//! Says a string with no letters or digits (including "") is not a palindrome.

pub fn is_palindrome(s: &str) -> bool {
    let clean: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    if clean.is_empty() {
        return false;
    }
    clean
        .iter()
        .zip(clean.iter().rev())
        .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
}
