//! Moves the longest word to the front with `rotate_left(i)`, which sends the words that were
//! before it to the end of the list instead of shifting them one place right.

pub struct Summary {
    pub count: usize,
    pub total_len: usize,
    pub longest_len: usize,
}

pub fn total_len(words: &[String]) -> usize {
    words.iter().map(|w| w.len()).sum()
}

fn longest_index(words: &[String]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, w) in words.iter().enumerate() {
        if best.map_or(true, |b| w.len() > words[b].len()) {
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
        longest_len: longest(words).map_or(0, |w| w.len()),
    }
}

pub fn move_longest_to_front(words: &mut [String]) {
    if let Some(i) = longest_index(words) {
        words.rotate_left(i);
    }
}
