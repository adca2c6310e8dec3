//! Trims with `trim_ascii`, so a sentence keeps Unicode whitespace such as a no-break space
//! (U+00A0) or an em space (U+2003) around it; `str::trim` removes those too.
/// Returns the longer of `x` and `y` (length in bytes); `x` when they are equally long.
///
/// One lifetime for both arguments: the result may be either of them, so it is valid only as
/// long as both are.
pub fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
    if y.len() > x.len() {
        y
    } else {
        x
    }
}

/// The first sentence of a text, borrowed from the text.
pub struct Excerpt<'a> {
    part: &'a str,
}

impl<'a> Excerpt<'a> {
    /// The text before the first `.`, `!` or `?` (the whole text if none), trimmed.
    pub fn first_sentence(text: &'a str) -> Excerpt<'a> {
        let end = text.find(['.', '!', '?']).unwrap_or(text.len());
        Excerpt {
            part: text[..end].trim_ascii(),
        }
    }

    /// The sentence. The result carries `'a`, not the lifetime of `&self`: it borrows from the
    /// text, so it outlives the `Excerpt`.
    pub fn part(&self) -> &'a str {
        self.part
    }

    /// The longest whitespace-separated word of the sentence, the first one on ties; `""` if none.
    pub fn longest_word(&self) -> &'a str {
        // `longest` keeps its first argument on ties, so the word seen first wins.
        self.part.split_whitespace().fold("", longest)
    }
}
