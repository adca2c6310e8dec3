//! The lazy fix: clones the list and the longest word to silence the borrow checker.

pub struct Summary {
    pub count: usize,
    pub total_len: usize,
    pub longest_len: usize,
}

fn owned_total_len(words: Vec<String>) -> usize {
    words.iter().map(|word| word.len()).sum()
}

fn owned_longest(words: Vec<String>) -> Option<String> {
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

pub fn total_len(words: &[String]) -> usize {
    owned_total_len(words.to_vec())
}

pub fn longest(words: &[String]) -> Option<&str> {
    let best = owned_longest(words.to_vec())?;
    words.iter().find(|w| **w == best).map(|w| w.as_str())
}

pub fn summarize(words: &[String]) -> Summary {
    let words = words.to_vec();
    let total_len = owned_total_len(words.clone());
    let longest_len = owned_longest(words.clone()).map_or(0, |word| word.len());
    Summary {
        count: words.len(),
        total_len,
        longest_len,
    }
}

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
    let longest = words[best].clone();
    for i in (0..best).rev() {
        words[i + 1] = words[i].clone();
    }
    words[0] = longest;
}
