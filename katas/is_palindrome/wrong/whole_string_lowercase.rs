//! Lowercases the whole string with `str::to_lowercase`, whose final-sigma rule makes "ΣΑΣ" into "σας".

pub fn is_palindrome(s: &str) -> bool {
    let lower = s.to_lowercase();
    let clean: Vec<char> = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    clean.iter().eq(clean.iter().rev())
}
