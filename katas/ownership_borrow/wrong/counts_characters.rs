//! Measures words in characters (`chars().count()`) instead of bytes (`str::len`).

pub struct Summary {
    pub count: usize,
    pub total_len: usize,
    pub longest_len: usize,
}

fn length(word: &str) -> usize {
    word.chars().count()
}

pub fn total_len(words: &[String]) -> usize {
    words.iter().map(|w| length(w)).sum()
}

fn longest_index(words: &[String]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, word) in words.iter().enumerate() {
        if best.is_none_or(|b| length(word) > length(&words[b])) {
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
        longest_len: longest(words).map_or(0, length),
    }
}

pub fn move_longest_to_front(words: &mut [String]) {
    if let Some(i) = longest_index(words) {
        words[..=i].rotate_right(1);
    }
}
