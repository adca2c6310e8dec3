//! Borrow, don't clone: this file does NOT compile yet. Make it compile by borrowing and moving,
//! never by copying (see the task statement; `kata hint ownership_borrow` when stuck).

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
pub fn total_len(words: Vec<String>) -> usize {
    words.iter().map(|word| word.len()).sum()
}

/// The longest word, the first one on ties; `None` for an empty list.
pub fn longest(words: Vec<String>) -> Option<String> {
    let mut best: Option<String> = None;
    for word in words {
        let longer = match &best {
            Some(current) => word.len() > current.len(),
            None => true,
        };
        if longer {
            best = Some(word);
        }
    }
    best
}

/// Counts the words and measures them.
pub fn summarize(words: Vec<String>) -> Summary {
    let total_len = total_len(words);
    let longest_len = longest(words).map_or(0, |word| word.len());
    Summary {
        count: words.len(),
        total_len,
        longest_len,
    }
}

/// Moves the longest word (the first one on ties) to the front; the words before it shift one
/// place to the right.
pub fn move_longest_to_front(words: &mut [String]) {
    if words.is_empty() {
        return;
    }
    let mut best = 0;
    for (i, word) in words.iter().enumerate() {
        if word.len() > words[best].len() {
            best = i;
        }
    }
    let longest = words[best];
    for i in (0..best).rev() {
        words[i + 1] = words[i];
    }
    words[0] = longest;
}
