//! Finds the first longest word with `max_by_key` over the reversed list (which returns the last
//! maximum, i.e. the first one of the original order) and walks it to the front by adjacent swaps.

pub struct Summary {
    pub count: usize,
    pub total_len: usize,
    pub longest_len: usize,
}

pub fn total_len(words: &[String]) -> usize {
    words.iter().fold(0, |sum, w| sum + w.len())
}

fn position_of_longest(words: &[String]) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, w)| w.len())
        .map(|(i, _)| i)
}

pub fn longest(words: &[String]) -> Option<&str> {
    position_of_longest(words).map(|i| &words[i][..])
}

pub fn summarize(words: &[String]) -> Summary {
    let mut summary = Summary {
        count: 0,
        total_len: 0,
        longest_len: 0,
    };
    for w in words {
        summary.count += 1;
        summary.total_len += w.len();
        summary.longest_len = summary.longest_len.max(w.len());
    }
    summary
}

pub fn move_longest_to_front(words: &mut [String]) {
    let Some(mut i) = position_of_longest(words) else {
        return;
    };
    while i > 0 {
        words.swap(i - 1, i);
        i -= 1;
    }
}
