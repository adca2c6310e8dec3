//! Collects the kept characters into a `Vec` and takes the front one with `remove(0)`, which
//! shifts every remaining character: quadratic time, far too slow for a million characters.

pub fn is_palindrome(s: &str) -> bool {
    let mut kept: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    while kept.len() > 1 {
        let front = kept.remove(0);
        let back = kept.pop().expect("at least one left");
        if !front.to_lowercase().eq(back.to_lowercase()) {
            return false;
        }
    }
    true
}
