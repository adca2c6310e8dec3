//! The classic byte two-pointer solution: keeps only ASCII letters and digits, so non-ASCII letters and digits are ignored.

pub fn is_palindrome(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return true;
    }
    let (mut i, mut j) = (0, bytes.len() - 1);
    while i < j {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        } else if !bytes[j].is_ascii_alphanumeric() {
            j -= 1;
        } else {
            if !bytes[i].eq_ignore_ascii_case(&bytes[j]) {
                return false;
            }
            i += 1;
            j -= 1;
        }
    }
    true
}
