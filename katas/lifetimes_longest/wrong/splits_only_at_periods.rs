//! Follows the seed's `split('.')`: only a period ends a sentence, not `!` or `?`.

pub fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if y.len() > x.len() {
        y
    } else {
        x
    }
}

pub struct Excerpt<'a> {
    part: &'a str,
}

impl<'a> Excerpt<'a> {
    pub fn first_sentence(text: &'a str) -> Excerpt<'a> {
        let first = text.split('.').next().unwrap_or("");
        Excerpt { part: first.trim() }
    }

    pub fn part(&self) -> &'a str {
        self.part
    }

    pub fn longest_word(&self) -> &'a str {
        self.part.split_whitespace().fold("", longest)
    }
}
