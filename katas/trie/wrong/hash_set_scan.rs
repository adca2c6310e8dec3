//! Not a trie: a `HashSet` of the words, and every prefix question scans all of them, O(number of
//! words) per question instead of O(length of the prefix).

use std::collections::HashSet;

pub struct Trie {
    words: HashSet<String>,
}

impl Default for Trie {
    fn default() -> Self {
        Self::new()
    }
}

impl Trie {
    pub fn new() -> Trie {
        Trie {
            words: HashSet::new(),
        }
    }

    pub fn insert(&mut self, word: &str) {
        self.words.insert(word.to_string());
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.words.iter().any(|w| w.starts_with(prefix))
    }

    pub fn words_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut found: Vec<String> = self
            .words
            .iter()
            .filter(|w| w.starts_with(prefix))
            .cloned()
            .collect();
        found.sort();
        found
    }
}
