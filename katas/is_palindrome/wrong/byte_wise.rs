//! Lowercases correctly but compares the UTF-8 bytes with their reverse, which breaks every multi-byte character.

pub fn is_palindrome(s: &str) -> bool {
    let clean: String = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    clean.bytes().eq(clean.bytes().rev())
}
