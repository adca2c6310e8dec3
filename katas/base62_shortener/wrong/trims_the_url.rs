//! Trims whitespace off each URL before storing it, so `"a.com"` and `" a.com\n"` share a code
//! and `expand` no longer returns the URL exactly as it was given.

use std::collections::HashMap;

/// The digits in value order: `0-9` are 0–9, `a-z` are 10–35, `A-Z` are 36–61.
const ALPHABET: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Writes `n` in base 62 (`0-9a-zA-Z`), most significant digit first; `0` is `"0"`.
pub fn encode_base62(mut n: u64) -> String {
    // The remainders come out least significant first; collect them, then reverse.
    let mut digits = Vec::with_capacity(11);
    loop {
        digits.push(ALPHABET[(n % 62) as usize]);
        n /= 62;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    // Every byte comes from the ASCII alphabet.
    String::from_utf8(digits).expect("base-62 digits are ASCII")
}

/// The value of one base-62 digit, or `None` for a character outside the alphabet.
fn digit_value(c: char) -> Option<u64> {
    let v = match c {
        '0'..='9' => c as u32 - '0' as u32,
        'a'..='z' => c as u32 - 'a' as u32 + 10,
        'A'..='Z' => c as u32 - 'A' as u32 + 36,
        _ => return None,
    };
    Some(u64::from(v))
}

/// The inverse of [`encode_base62`]: `None` for an empty string, a character outside the
/// alphabet, or a value above `u64::MAX`. Leading zeros are ignored.
pub fn decode_base62(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    // Leading zeros contribute nothing (0 * 62 + 0), so no special case is needed; checked
    // arithmetic turns any value above `u64::MAX` into `None`.
    s.chars().try_fold(0u64, |value, c| {
        value.checked_mul(62)?.checked_add(digit_value(c)?)
    })
}

/// An in-memory URL shortener handing out ids 1, 2, 3, ... as base-62 codes.
#[derive(Debug, Default)]
pub struct Shortener {
    next_id: u64,
    code_by_url: HashMap<String, String>,
    url_by_code: HashMap<String, String>,
}

impl Shortener {
    /// An empty shortener; the first URL will get id 1.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns the code for `url`, issuing the next id if the URL is new.
    pub fn shorten(&mut self, url: &str) -> String {
        // Pasted URLs often carry stray spaces or a newline.
        let url = url.trim();
        if let Some(code) = self.code_by_url.get(url) {
            return code.clone();
        }
        self.next_id += 1;
        let code = encode_base62(self.next_id);
        self.code_by_url.insert(url.to_owned(), code.clone());
        self.url_by_code.insert(code.clone(), url.to_owned());
        code
    }

    /// Returns the URL `code` was issued for, if `shorten` returned exactly this code.
    pub fn expand(&self, code: &str) -> Option<&str> {
        // Looking the code up as a string (not by its decoded id) makes "01" differ from "1".
        self.url_by_code.get(code).map(String::as_str)
    }
}
