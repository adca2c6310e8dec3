//! Lifetimes: this file does NOT compile yet. Add the lifetime annotations, then write the
//! bodies (see the task statement; `kata hint lifetimes_longest` when stuck).

/// Returns the longer of `x` and `y` (length in bytes); `x` when they are equally long.
pub fn longest(x: &str, y: &str) -> &str {
    let _ = (x, y);
    todo!("return one of the two arguments")
}

/// The first sentence of a text, borrowed from the text.
pub struct Excerpt {
    part: &str,
}

impl Excerpt {
    /// The text before the first `.`, `!` or `?` (the whole text if none), trimmed.
    pub fn first_sentence(text: &str) -> Excerpt {
        let _ = text;
        todo!("slice the first sentence out of the text")
    }

    /// The sentence; it borrows from the text, so it outlives the `Excerpt`.
    pub fn part(&self) -> &str {
        todo!("return the sentence")
    }

    /// The longest whitespace-separated word of the sentence, the first one on ties; `""` if none.
    pub fn longest_word(&self) -> &str {
        let _ = self.part;
        todo!("find the longest word")
    }
}
