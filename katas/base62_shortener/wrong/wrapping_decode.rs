//! Decodes with `wrapping_mul`/`wrapping_add`, so values above `u64::MAX` wrap to a wrong number.

use std::collections::HashMap;

const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

pub fn encode_base62(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(ALPHABET[(n % 62) as usize]);
        n /= 62;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap()
}

pub fn decode_base62(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut value: u64 = 0;
    for c in s.chars() {
        let d = ALPHABET.iter().position(|&b| b as char == c)? as u64;
        value = value.wrapping_mul(62).wrapping_add(d);
    }
    Some(value)
}

#[derive(Default)]
pub struct Shortener {
    next: u64,
    codes: HashMap<String, String>,
    urls: HashMap<String, String>,
}

impl Shortener {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn shorten(&mut self, url: &str) -> String {
        if let Some(c) = self.codes.get(url) {
            return c.clone();
        }
        self.next += 1;
        let code = encode_base62(self.next);
        self.codes.insert(url.to_string(), code.clone());
        self.urls.insert(code.clone(), url.to_string());
        code
    }

    pub fn expand(&self, code: &str) -> Option<&str> {
        self.urls.get(code).map(|s| s.as_str())
    }
}
