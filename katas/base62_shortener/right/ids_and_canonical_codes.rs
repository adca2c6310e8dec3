//! Decoding by a lookup table of byte values; the shortener stores URLs in a `Vec` by id and
//! accepts a code only if it is the canonical encoding of an issued id.

use std::collections::HashMap;

const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

pub fn encode_base62(n: u64) -> String {
    if n == 0 {
        return "0".to_string();
    }
    let mut out = String::new();
    let mut rest = n;
    while rest > 0 {
        out.insert(0, DIGITS[(rest % 62) as usize] as char);
        rest /= 62;
    }
    out
}

pub fn decode_base62(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut value: u128 = 0;
    for byte in s.bytes() {
        let digit = DIGITS.iter().position(|&d| d == byte)? as u128;
        value = value * 62 + digit;
        if value > u128::from(u64::MAX) {
            return None;
        }
    }
    Some(value as u64)
}

pub struct Shortener {
    urls: Vec<String>,
    ids: HashMap<String, u64>,
}

impl Shortener {
    pub fn new() -> Self {
        Shortener {
            urls: Vec::new(),
            ids: HashMap::new(),
        }
    }

    pub fn shorten(&mut self, url: &str) -> String {
        let next = self.urls.len() as u64 + 1;
        let id = *self.ids.entry(url.to_string()).or_insert(next);
        if id == next {
            self.urls.push(url.to_string());
        }
        encode_base62(id)
    }

    pub fn expand(&self, code: &str) -> Option<&str> {
        let id = decode_base62(code)?;
        if id == 0 || encode_base62(id) != code {
            return None;
        }
        self.urls.get((id - 1) as usize).map(String::as_str)
    }
}

impl Default for Shortener {
    fn default() -> Self {
        Self::new()
    }
}
