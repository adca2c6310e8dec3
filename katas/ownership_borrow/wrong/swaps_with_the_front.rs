//! Swaps the longest word with the first one, which moves the old first word out of order.

pub struct Summary {
    pub count: usize,
    pub total_len: usize,
    pub longest_len: usize,
}

pub fn total_len(words: &[String]) -> usize {
    words.iter().map(String::len).sum()
}

fn longest_index(words: &[String]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, word) in words.iter().enumerate() {
        if best.is_none_or(|b| word.len() > words[b].len()) {
            best = Some(i);
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
        longest_len: longest(words).map_or(0, str::len),
    }
}

pub fn move_longest_to_front(words: &mut [String]) {
    if let Some(i) = longest_index(words) {
        words.swap(0, i);
    }
}
