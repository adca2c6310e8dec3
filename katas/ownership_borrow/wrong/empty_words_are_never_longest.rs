//! Starts the search for the longest word at length 0 and only keeps strictly longer words, so a
//! list of empty words has no longest word (`None` instead of the first `""`).

pub struct Summary {
    pub count: usize,
    pub total_len: usize,
    pub longest_len: usize,
}

pub fn total_len(words: &[String]) -> usize {
    words.iter().map(|w| w.len()).sum()
}

fn longest_index(words: &[String]) -> Option<usize> {
    let mut best = None;
    let mut best_len = 0;
    for (i, w) in words.iter().enumerate() {
        if w.len() > best_len {
            best = Some(i);
            best_len = w.len();
        }
    }
    best
}

pub fn longest(words: &[String]) -> Option<&str> {
    longest_index(words).map(|i| words[i].as_str())
}

pub fn summarize(words: &[String]) -> Summary {
    Summary {
        count: words.len(),
        total_len: total_len(words),
        longest_len: longest(words).map_or(0, |w| w.len()),
    }
}

pub fn move_longest_to_front(words: &mut [String]) {
    if let Some(i) = longest_index(words) {
        words[..=i].rotate_right(1);
    }
}
