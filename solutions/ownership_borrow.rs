//! Reference solution: every function borrows the words; the only "move" is a rotation inside
//! the caller's slice, which swaps `String` headers and never copies their bytes.

/// Statistics about a list of words.
pub struct Summary {
    /// The number of words.
    pub count: usize,
    /// The sum of the words' lengths in bytes.
    pub total_len: usize,
    /// The length in bytes of the longest word (0 for an empty list).
    pub longest_len: usize,
}

/// The sum of the lengths in bytes of all the words.
pub fn total_len(words: &[String]) -> usize {
    words.iter().map(String::len).sum()
}

/// Index of the longest word, the first one on ties.
fn longest_index(words: &[String]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, word) in words.iter().enumerate() {
        // Only a strictly longer word replaces the best, so the first one wins ties
        // (`Iterator::max_by_key` would return the last one).
        if best.is_none_or(|(_, len)| word.len() > len) {
            best = Some((i, word.len()));
        }
    }
    best.map(|(i, _)| i)
}

/// The longest word, the first one on ties, borrowed from `words`; `None` for an empty list.
pub fn longest(words: &[String]) -> Option<&str> {
    longest_index(words).map(|i| words[i].as_str())
}

/// Counts the words and measures them, borrowing the list so the caller keeps it.
pub fn summarize(words: &[String]) -> Summary {
    Summary {
        count: words.len(),
        total_len: total_len(words),
        longest_len: longest(words).map_or(0, str::len),
    }
}

/// Moves the longest word (the first one on ties) to the front; the words before it shift one
/// place to the right.
pub fn move_longest_to_front(words: &mut [String]) {
    if let Some(i) = longest_index(words) {
        // A `String` cannot be moved out of a slice, but the slice can rotate its elements in
        // place: `[a, b, c, L]` becomes `[L, a, b, c]`.
        words[..=i].rotate_right(1);
    }
}
