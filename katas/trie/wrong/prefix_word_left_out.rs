//! `words_with_prefix` collects only below the prefix's node, leaving out the prefix itself when it is a word.

use std::collections::BTreeMap;

#[derive(Default)]
struct Node {
    children: BTreeMap<char, Node>,
    is_word: bool,
}

#[derive(Default)]
pub struct Trie {
    root: Node,
}

impl Trie {
    pub fn new() -> Trie {
        Trie::default()
    }

    pub fn insert(&mut self, word: &str) {
        let mut node = &mut self.root;
        for ch in word.chars() {
            node = node.children.entry(ch).or_default();
        }
        node.is_word = true;
    }

    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some_and(|n| n.is_word)
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.find(prefix)
            .is_some_and(|n| n.is_word || !n.children.is_empty())
    }

    pub fn words_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(node) = self.find(prefix) {
            let mut current = prefix.to_string();
            for (&ch, child) in &node.children {
                current.push(ch);
                collect(child, &mut current, &mut out);
                current.pop();
            }
        }
        out
    }

    fn find(&self, s: &str) -> Option<&Node> {
        let mut node = &self.root;
        for ch in s.chars() {
            node = node.children.get(&ch)?;
        }
        Some(node)
    }
}

fn collect(node: &Node, current: &mut String, out: &mut Vec<String>) {
    if node.is_word {
        out.push(current.clone());
    }
    for (&ch, child) in &node.children {
        current.push(ch);
        collect(child, current, out);
        current.pop();
    }
}
