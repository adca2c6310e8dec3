//! Unicode-aware palindrome check: see the task statement (`kata hint is_palindrome` when stuck).

/// Returns whether the alphanumeric characters of `s` read the same from both ends, ignoring case.
pub fn is_palindrome(s: &str) -> bool {
    let _ = s;
    todo!("check whether s is a palindrome")
}
