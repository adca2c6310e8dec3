//! Lowercases tokens with `to_ascii_lowercase`, so non-ASCII capitals stay as they are and
//! "École" does not match "école".

use std::cmp::Ordering;
use std::collections::HashMap;

const K1: f64 = 1.2;
const B: f64 = 0.75;

pub fn tokenize(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|piece| !piece.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

#[derive(Debug, Default)]
pub struct Index {
    postings: HashMap<String, Vec<(u32, u32)>>,
    lengths: HashMap<u32, u32>,
    total_tokens: u64,
}

impl Index {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, doc: u32, text: &str) {
        let tokens = tokenize(text);
        let mut counts: HashMap<String, u32> = HashMap::new();
        for token in &tokens {
            *counts.entry(token.clone()).or_default() += 1;
        }
        for (term, tf) in counts {
            self.postings.entry(term).or_default().push((doc, tf));
        }
        self.lengths.insert(doc, tokens.len() as u32);
        self.total_tokens += tokens.len() as u64;
    }

    pub fn search(&self, query: &str, k: usize) -> Vec<(u32, f64)> {
        let n_docs = self.lengths.len() as f64;
        if k == 0 || n_docs == 0.0 {
            return Vec::new();
        }
        let avgdl = self.total_tokens as f64 / n_docs;
        let mut terms = tokenize(query);
        terms.sort_unstable();
        terms.dedup();
        let mut scores: HashMap<u32, f64> = HashMap::new();
        for term in &terms {
            let Some(postings) = self.postings.get(term) else {
                continue;
            };
            let df = postings.len() as f64;
            let idf = (1.0 + (n_docs - df + 0.5) / (df + 0.5)).ln();
            for &(doc, tf) in postings {
                let tf = f64::from(tf);
                let len = f64::from(self.lengths[&doc]);
                let norm = K1 * (1.0 - B + B * len / avgdl);
                *scores.entry(doc).or_default() += idf * tf * (K1 + 1.0) / (tf + norm);
            }
        }
        let mut ranked: Vec<(u32, f64)> = scores.into_iter().collect();
        ranked.sort_unstable_by(by_rank);
        ranked.truncate(k);
        ranked
    }
}

fn by_rank(a: &(u32, f64), b: &(u32, f64)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

pub fn merge_top_k(shards: &[Vec<(u32, f64)>], k: usize) -> Vec<(u32, f64)> {
    let mut all: Vec<(u32, f64)> = shards.iter().flatten().copied().collect();
    all.sort_unstable_by(by_rank);
    all.truncate(k);
    all
}
