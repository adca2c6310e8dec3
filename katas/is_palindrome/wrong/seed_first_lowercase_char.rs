//! The seed's code: keeps only the first char of `to_lowercase()`, so 'İ' (lowercase "i\u{307}") wrongly matches 'i' and 'I'.

pub fn is_palindrome(s: &str) -> bool {
    let clean: Vec<char> = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_lowercase().next().unwrap())
        .collect();
    clean.iter().eq(clean.iter().rev())
}
