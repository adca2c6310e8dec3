//! Trie (prefix tree): see the task statement (`kata hint trie` when stuck).

/// A set of words stored as a tree of characters.
pub struct Trie {
    // Your fields here.
}

impl Trie {
    /// Creates an empty trie.
    pub fn new() -> Trie {
        todo!("create an empty trie")
    }

    /// Adds `word` to the set of stored words.
    pub fn insert(&mut self, word: &str) {
        let _ = word;
        todo!("insert the word")
    }

    /// Returns `true` when `word` itself was inserted (a mere prefix of a word is not a word).
    pub fn contains(&self, word: &str) -> bool {
        let _ = word;
        todo!("look the word up")
    }

    /// Returns `true` when at least one inserted word begins with `prefix`.
    pub fn starts_with(&self, prefix: &str) -> bool {
        let _ = prefix;
        todo!("look the prefix up")
    }

    /// Returns every inserted word that begins with `prefix`, each once, sorted.
    pub fn words_with_prefix(&self, prefix: &str) -> Vec<String> {
        let _ = prefix;
        todo!("collect the words below the prefix")
    }
}
