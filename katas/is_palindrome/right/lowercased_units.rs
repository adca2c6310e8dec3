//! Lowercases each kept character on its own into a `String`, collects those units into a
//! `Vec`, and compares the `Vec` with its reverse.

pub fn is_palindrome(s: &str) -> bool {
    let units: Vec<String> = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_lowercase().collect())
        .collect();
    units.iter().eq(units.iter().rev())
}
