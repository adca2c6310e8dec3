//! Skips the tree for a plain list of words: sorted, but a word inserted twice is listed twice.

#[derive(Default)]
pub struct Trie {
    words: Vec<String>,
}

impl Trie {
    pub fn new() -> Trie {
        Trie::default()
    }

    pub fn insert(&mut self, word: &str) {
        self.words.push(word.to_string());
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.words.iter().any(|w| w.starts_with(prefix))
    }

    pub fn words_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .words
            .iter()
            .filter(|w| w.starts_with(prefix))
            .cloned()
            .collect();
        out.sort();
        out
    }
}
