//! Uses `max_by_key`, which returns the LAST of several equally long words, not the first.

pub struct Summary {
    pub count: usize,
    pub total_len: usize,
    pub longest_len: usize,
}

pub fn total_len(words: &[String]) -> usize {
    words.iter().map(String::len).sum()
}

fn longest_index(words: &[String]) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .max_by_key(|(_, word)| word.len())
        .map(|(i, _)| i)
}

pub fn longest(words: &[String]) -> Option<&str> {
    longest_index(words).map(|i| words[i].as_str())
}

pub fn summarize(words: &[String]) -> Summary {
    Summary {
        count: words.len(),
        total_len: total_len(words),
        longest_len: longest(words).map_or(0, str::len),
    }
}

pub fn move_longest_to_front(words: &mut [String]) {
    if let Some(i) = longest_index(words) {
        words[..=i].rotate_right(1);
    }
}
