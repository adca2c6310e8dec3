//! Lowercases with `to_ascii_lowercase`, so non-ASCII capitals (É, Ж, Ω, the Kelvin sign) never match their lowercase forms.

pub fn is_palindrome(s: &str) -> bool {
    let clean: Vec<char> = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    clean.iter().eq(clean.iter().rev())
}
