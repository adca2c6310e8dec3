//! Reference solution: postings lists per term, BM25 scores accumulated only over the
//! postings of the query's terms, and a total order (score, then id) for stable ranking.

use std::cmp::Ordering;
use std::collections::HashMap;

/// BM25 term-frequency saturation.
const K1: f64 = 1.2;
/// BM25 length normalisation.
const B: f64 = 0.75;

/// Splits `text` at every character that is not alphanumeric and lowercases the pieces.
pub fn tokenize(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|piece| !piece.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// An inverted index with BM25 ranking.
#[derive(Debug, Default)]
pub struct Index {
    /// Term → (document, occurrences of the term in it).
    postings: HashMap<String, Vec<(u32, u32)>>,
    /// Document → its length in tokens.
    lengths: HashMap<u32, u32>,
    total_tokens: u64,
}

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Indexes `text` as document `doc` (ids are unique).
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

    /// The `k` best documents for `query` by BM25, best first; ties go to the smaller id.
    pub fn search(&self, query: &str, k: usize) -> Vec<(u32, f64)> {
        let n_docs = self.lengths.len() as f64;
        if k == 0 || n_docs == 0.0 {
            return Vec::new();
        }
        let avgdl = self.total_tokens as f64 / n_docs;
        let mut terms = tokenize(query);
        // Each distinct query term counts once.
        terms.sort_unstable();
        terms.dedup();

        let mut scores: HashMap<u32, f64> = HashMap::new();
        for term in &terms {
            let Some(postings) = self.postings.get(term) else {
                continue;
            };
            let df = postings.len() as f64;
            // The "plus one" form of IDF: never negative, even for a term in most documents.
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

/// Higher score first; equal scores by increasing document id. A total order, so the ranking
/// never depends on hash-map iteration order.
fn by_rank(a: &(u32, f64), b: &(u32, f64)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Merges the ranked results of several shards (disjoint documents) into the overall top `k`.
pub fn merge_top_k(shards: &[Vec<(u32, f64)>], k: usize) -> Vec<(u32, f64)> {
    let mut all: Vec<(u32, f64)> = shards.iter().flatten().copied().collect();
    all.sort_unstable_by(by_rank);
    all.truncate(k);
    all
}
