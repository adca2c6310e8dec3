//! Children in a `[_; 26]` array indexed by `b - b'a'`: breaks (panics) on anything but ASCII lower case.

#[derive(Default)]
struct Node {
    children: [Option<Box<Node>>; 26],
    is_word: bool,
}

#[derive(Default)]
pub struct Trie {
    root: Node,
}

fn slot(b: u8) -> usize {
    (b - b'a') as usize
}

impl Trie {
    pub fn new() -> Trie {
        Trie::default()
    }

    pub fn insert(&mut self, word: &str) {
        let mut node = &mut self.root;
        for b in word.bytes() {
            node = node.children[slot(b)].get_or_insert_with(Default::default);
        }
        node.is_word = true;
    }

    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some_and(|n| n.is_word)
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.find(prefix)
            .is_some_and(|n| n.is_word || n.children.iter().any(Option::is_some))
    }

    pub fn words_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(node) = self.find(prefix) {
            collect(node, &mut prefix.to_string(), &mut out);
        }
        out
    }

    fn find(&self, s: &str) -> Option<&Node> {
        let mut node = &self.root;
        for b in s.bytes() {
            node = node.children[slot(b)].as_deref()?;
        }
        Some(node)
    }
}

fn collect(node: &Node, current: &mut String, out: &mut Vec<String>) {
    if node.is_word {
        out.push(current.clone());
    }
    for (i, child) in node.children.iter().enumerate() {
        if let Some(child) = child {
            current.push((b'a' + i as u8) as char);
            collect(child, current, out);
            current.pop();
        }
    }
}
