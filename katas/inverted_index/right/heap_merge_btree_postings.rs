//! Postings in a `BTreeMap` of per-document counts, scores accumulated in a `Vec` per query, and
//! `merge_top_k` as a k-way merge of the shards' ranked lists with a heap.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap, HashMap};

pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            current.push(c);
        } else if !current.is_empty() {
            out.push(current.to_lowercase());
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(current.to_lowercase());
    }
    out
}

pub struct Index {
    postings: HashMap<String, BTreeMap<u32, u32>>,
    lengths: HashMap<u32, usize>,
    tokens: usize,
}

impl Index {
    pub fn new() -> Self {
        Index {
            postings: HashMap::new(),
            lengths: HashMap::new(),
            tokens: 0,
        }
    }

    pub fn add(&mut self, doc: u32, text: &str) {
        let tokens = tokenize(text);
        self.tokens += tokens.len();
        self.lengths.insert(doc, tokens.len());
        for token in tokens {
            *self
                .postings
                .entry(token)
                .or_default()
                .entry(doc)
                .or_insert(0) += 1;
        }
    }

    pub fn search(&self, query: &str, k: usize) -> Vec<(u32, f64)> {
        let n = self.lengths.len() as f64;
        let mut terms = tokenize(query);
        terms.sort();
        terms.dedup();
        let mut scores: Vec<(u32, f64)> = Vec::new();
        let mut slot: HashMap<u32, usize> = HashMap::new();
        for term in &terms {
            let Some(docs) = self.postings.get(term) else {
                continue;
            };
            let avgdl = self.tokens as f64 / n;
            let df = docs.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for (&doc, &f) in docs {
                let f = f as f64;
                let dl = self.lengths[&doc] as f64;
                let part = idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * dl / avgdl));
                let i = *slot.entry(doc).or_insert_with(|| {
                    scores.push((doc, 0.0));
                    scores.len() - 1
                });
                scores[i].1 += part;
            }
        }
        scores.sort_by(rank);
        scores.truncate(k);
        scores
    }
}

impl Default for Index {
    fn default() -> Self {
        Self::new()
    }
}

fn rank(a: &(u32, f64), b: &(u32, f64)) -> Ordering {
    b.1.partial_cmp(&a.1)
        .unwrap_or(Ordering::Equal)
        .then(a.0.cmp(&b.0))
}

/// A shard's head in the merge heap: the greatest is the best-ranked hit.
struct Head {
    hit: (u32, f64),
    shard: usize,
    index: usize,
}

impl PartialEq for Head {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head {}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head {
    fn cmp(&self, other: &Self) -> Ordering {
        // `rank` says Less for the better hit; the heap pops its greatest element.
        rank(&other.hit, &self.hit).then(Reverse(self.shard).cmp(&Reverse(other.shard)))
    }
}

pub fn merge_top_k(shards: &[Vec<(u32, f64)>], k: usize) -> Vec<(u32, f64)> {
    let mut heap: BinaryHeap<Head> = shards
        .iter()
        .enumerate()
        .filter_map(|(shard, hits)| {
            hits.first().map(|&hit| Head {
                hit,
                shard,
                index: 0,
            })
        })
        .collect();
    let mut out = Vec::new();
    while out.len() < k {
        let Some(head) = heap.pop() else { break };
        out.push(head.hit);
        if let Some(&hit) = shards[head.shard].get(head.index + 1) {
            heap.push(Head {
                hit,
                shard: head.shard,
                index: head.index + 1,
            });
        }
    }
    out
}
