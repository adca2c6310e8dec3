//! Stores URLs in a `Vec` indexed by id and expands any string that decodes to an issued id, so "01" expands like "1".

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
        value = value.checked_mul(62)?.checked_add(d)?;
    }
    Some(value)
}

#[derive(Default)]
pub struct Shortener {
    urls: Vec<String>,
    ids: HashMap<String, u64>,
}

impl Shortener {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn shorten(&mut self, url: &str) -> String {
        if let Some(&id) = self.ids.get(url) {
            return encode_base62(id);
        }
        self.urls.push(url.to_string());
        let id = self.urls.len() as u64;
        self.ids.insert(url.to_string(), id);
        encode_base62(id)
    }

    pub fn expand(&self, code: &str) -> Option<&str> {
        let id = decode_base62(code)?;
        if id == 0 {
            return None;
        }
        self.urls.get(id as usize - 1).map(|s| s.as_str())
    }
}
