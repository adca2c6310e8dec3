//! Forgets to trim: the sentence keeps the whitespace around it.

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
        let end = text.find(['.', '!', '?']).unwrap_or(text.len());
        Excerpt { part: &text[..end] }
    }

    pub fn part(&self) -> &'a str {
        self.part
    }

    pub fn longest_word(&self) -> &'a str {
        self.part.split_whitespace().fold("", longest)
    }
}
