//! Base62 URL shortener: see the task statement (`kata hint base62_shortener` when stuck).

/// Writes `n` in base 62 (`0-9a-zA-Z`), most significant digit first; `0` is `"0"`.
pub fn encode_base62(n: u64) -> String {
    let _ = n;
    todo!("encode n in base 62")
}

/// The inverse of [`encode_base62`]: `None` for an empty string, a character outside the
/// alphabet, or a value above `u64::MAX`. Leading zeros are ignored.
pub fn decode_base62(s: &str) -> Option<u64> {
    let _ = s;
    todo!("decode a base-62 string")
}

/// An in-memory URL shortener handing out ids 1, 2, 3, ... as base-62 codes.
pub struct Shortener {
    // Your fields here.
}

impl Shortener {
    /// An empty shortener; the first URL will get id 1.
    pub fn new() -> Self {
        todo!("create an empty shortener")
    }

    /// Returns the code for `url`, issuing the next id if the URL is new.
    pub fn shorten(&mut self, url: &str) -> String {
        let _ = url;
        todo!("shorten a URL")
    }

    /// Returns the URL `code` was issued for, if `shorten` returned exactly this code.
    pub fn expand(&self, code: &str) -> Option<&str> {
        let _ = code;
        todo!("look a code up")
    }
}

impl Default for Shortener {
    fn default() -> Self {
        Self::new()
    }
}
