//! Reverses bytes and repairs the invalid UTF-8 lossily, mangling every multi-byte character.

pub fn reverse_string(s: &str) -> String {
    let bytes: Vec<u8> = s.bytes().rev().collect();
    String::from_utf8_lossy(&bytes).into_owned()
}
