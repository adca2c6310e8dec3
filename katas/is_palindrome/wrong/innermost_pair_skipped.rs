//! Two indices over the kept characters that stop while `i + 1 < j`: the two innermost
//! characters of an even-length text are never compared.

pub fn is_palindrome(s: &str) -> bool {
    let kept: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    if kept.is_empty() {
        return true;
    }
    let (mut i, mut j) = (0, kept.len() - 1);
    while i + 1 < j {
        if !kept[i].to_lowercase().eq(kept[j].to_lowercase()) {
            return false;
        }
        i += 1;
        j -= 1;
    }
    true
}
