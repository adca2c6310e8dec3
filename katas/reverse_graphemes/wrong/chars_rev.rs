//! Reverses `char`s: combining marks move to the wrong letter, flags and ZWJ sequences break apart.

pub fn reverse_string(s: &str) -> String {
    s.chars().rev().collect()
}
