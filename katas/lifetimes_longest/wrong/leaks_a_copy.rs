//! Returns fresh copies (leaked `String`s, so they satisfy any lifetime) instead of slices of the input.

fn copy<'a>(s: &str) -> &'a str {
    Box::leak(s.to_owned().into_boxed_str())
}

pub fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if y.len() > x.len() {
        copy(y)
    } else {
        copy(x)
    }
}

pub struct Excerpt<'a> {
    part: &'a str,
}

impl<'a> Excerpt<'a> {
    pub fn first_sentence(text: &'a str) -> Excerpt<'a> {
        let end = text.find(['.', '!', '?']).unwrap_or(text.len());
        Excerpt {
            part: copy(text[..end].trim()),
        }
    }

    pub fn part(&self) -> &'a str {
        self.part
    }

    pub fn longest_word(&self) -> &'a str {
        let best = self.part.split_whitespace().fold("", longest);
        copy(best)
    }
}
