//! Right scores, wrong complexity: every query scores every document from its own term counts.

use std::collections::HashMap;

pub fn tokenize(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|piece| !piece.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[derive(Default)]
pub struct Index {
    docs: Vec<(u32, HashMap<String, u32>, u32)>,
    doc_freq: HashMap<String, u32>,
    total: u64,
}

impl Index {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, doc: u32, text: &str) {
        let tokens = tokenize(text);
        let mut counts = HashMap::new();
        for t in &tokens {
            *counts.entry(t.clone()).or_insert(0) += 1;
        }
        for t in counts.keys() {
            *self.doc_freq.entry(t.clone()).or_insert(0) += 1;
        }
        self.total += tokens.len() as u64;
        self.docs.push((doc, counts, tokens.len() as u32));
    }

    pub fn search(&self, query: &str, k: usize) -> Vec<(u32, f64)> {
        let n = self.docs.len() as f64;
        if n == 0.0 {
            return Vec::new();
        }
        let avgdl = self.total as f64 / n;
        let mut terms = tokenize(query);
        terms.sort();
        terms.dedup();
        let mut out = Vec::new();
        for (id, counts, len) in &self.docs {
            let mut score = 0.0;
            let mut hit = false;
            for q in &terms {
                if let Some(&f) = counts.get(q) {
                    hit = true;
                    let df = f64::from(self.doc_freq[q]);
                    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                    let f = f64::from(f);
                    let norm = 1.2 * (0.25 + 0.75 * f64::from(*len) / avgdl);
                    score += idf * f * 2.2 / (f + norm);
                }
            }
            if hit {
                out.push((*id, score));
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(k);
        out
    }
}

pub fn merge_top_k(shards: &[Vec<(u32, f64)>], k: usize) -> Vec<(u32, f64)> {
    let mut all: Vec<(u32, f64)> = shards.iter().flatten().copied().collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    all.truncate(k);
    all
}
