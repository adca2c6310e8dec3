//! The sentence from `split(..).next()`, the longest word by an explicit loop that replaces the
//! best word only when a strictly longer one comes.

pub fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    match x.len().cmp(&y.len()) {
        std::cmp::Ordering::Less => y,
        _ => x,
    }
}

pub struct Excerpt<'a> {
    text: &'a str,
}

impl<'a> Excerpt<'a> {
    pub fn first_sentence(text: &'a str) -> Excerpt<'a> {
        // `split` always yields at least one piece, possibly empty.
        let sentence = text.split(['.', '!', '?']).next().unwrap_or("");
        Excerpt {
            text: sentence.trim(),
        }
    }

    pub fn part(&self) -> &'a str {
        self.text
    }

    pub fn longest_word(&self) -> &'a str {
        let mut best: &'a str = "";
        for word in self.text.split(char::is_whitespace) {
            if word.len() > best.len() {
                best = word;
            }
        }
        best
    }
}
