//! Nodes keyed by UTF-8 bytes in a `HashMap`, stored in one arena `Vec` and linked by index.
//! A byte prefix of valid UTF-8 text is a character prefix, so the answers are the same as with
//! `char` keys; `words_with_prefix` rebuilds the words from their bytes and sorts them at the end.

use std::collections::HashMap;

#[derive(Default)]
struct Node {
    children: HashMap<u8, usize>,
    is_word: bool,
}

pub struct Trie {
    nodes: Vec<Node>,
    words: usize,
}

impl Default for Trie {
    fn default() -> Self {
        Self::new()
    }
}

impl Trie {
    pub fn new() -> Trie {
        Trie {
            nodes: vec![Node::default()],
            words: 0,
        }
    }

    pub fn insert(&mut self, word: &str) {
        let mut at = 0;
        for &b in word.as_bytes() {
            at = match self.nodes[at].children.get(&b) {
                Some(&next) => next,
                None => {
                    self.nodes.push(Node::default());
                    let next = self.nodes.len() - 1;
                    self.nodes[at].children.insert(b, next);
                    next
                }
            };
        }
        if !self.nodes[at].is_word {
            self.nodes[at].is_word = true;
            self.words += 1;
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some_and(|at| self.nodes[at].is_word)
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.words > 0 && self.find(prefix).is_some()
    }

    pub fn words_with_prefix(&self, prefix: &str) -> Vec<String> {
        let Some(start) = self.find(prefix) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut pending = vec![(start, prefix.as_bytes().to_vec())];
        while let Some((at, bytes)) = pending.pop() {
            if self.nodes[at].is_word {
                found.push(String::from_utf8(bytes.clone()).expect("inserted as UTF-8"));
            }
            for (&b, &child) in &self.nodes[at].children {
                let mut longer = bytes.clone();
                longer.push(b);
                pending.push((child, longer));
            }
        }
        found.sort_unstable();
        found
    }

    fn find(&self, s: &str) -> Option<usize> {
        let mut at = 0;
        for b in s.as_bytes() {
            at = *self.nodes[at].children.get(b)?;
        }
        Some(at)
    }
}
