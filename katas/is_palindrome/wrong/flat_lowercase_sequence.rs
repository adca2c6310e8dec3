//! Flattens every lowercase expansion into one sequence and reverses that, so 'İ' alone is not a palindrome while "İi" is.

pub fn is_palindrome(s: &str) -> bool {
    let clean: Vec<char> = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    clean.iter().eq(clean.iter().rev())
}
