//! Sorts the listed words case-insensitively (by their lower-case form), like a dictionary,
//! instead of in the order Rust sorts `String`s: "apple" comes before "Zebra".

use std::collections::BTreeMap;

#[derive(Default)]
struct TrieNode {
    children: BTreeMap<char, TrieNode>,
    /// `true` when an inserted word ends exactly at this node.
    is_word: bool,
}

/// A set of words stored as a tree of characters.
#[derive(Default)]
pub struct Trie {
    root: TrieNode,
}

impl Trie {
    /// Creates an empty trie.
    pub fn new() -> Trie {
        Trie::default()
    }

    /// Adds `word` to the set of stored words.
    pub fn insert(&mut self, word: &str) {
        let mut node = &mut self.root;
        for ch in word.chars() {
            node = node.children.entry(ch).or_default();
        }
        node.is_word = true;
    }

    /// Returns `true` when `word` itself was inserted (a mere prefix of a word is not a word).
    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some_and(|node| node.is_word)
    }

    /// Returns `true` when at least one inserted word begins with `prefix`.
    pub fn starts_with(&self, prefix: &str) -> bool {
        // Nodes are only created on the way to a word, so every node except the root has a word
        // at or below it. The root exists even in an empty trie, hence the extra check.
        self.find(prefix)
            .is_some_and(|node| node.is_word || !node.children.is_empty())
    }

    /// Returns every inserted word that begins with `prefix`, each once, sorted.
    pub fn words_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut words = Vec::new();
        if let Some(node) = self.find(prefix) {
            let mut current = prefix.to_string();
            collect(node, &mut current, &mut words);
        }
        // Dictionary order: case does not matter.
        words.sort_by_key(|w| w.to_lowercase());
        words
    }

    /// The node at the end of the path spelled by `s`, if that path exists.
    fn find(&self, s: &str) -> Option<&TrieNode> {
        let mut node = &self.root;
        for ch in s.chars() {
            node = node.children.get(&ch)?;
        }
        Some(node)
    }
}

/// Pushes every word at or below `node` onto `words` in sorted order; `current` spells the path
/// to `node` and is restored before returning.
fn collect(node: &TrieNode, current: &mut String, words: &mut Vec<String>) {
    if node.is_word {
        words.push(current.clone());
    }
    for (&ch, child) in &node.children {
        current.push(ch);
        collect(child, current, words);
        current.pop();
    }
}
