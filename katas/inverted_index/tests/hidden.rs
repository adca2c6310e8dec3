use inverted_index::{merge_top_k, tokenize, Index};
use kata_assert::{expect, expect_eq};
use std::collections::{HashMap, HashSet};

// ---------- a slow, obvious model of the task's rules ----------

fn model_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .map(|s| s.to_lowercase())
        .collect()
}

/// BM25 for every document, computed straight from the formula.
fn model_search(docs: &[(u32, String)], query: &str, k: usize) -> Vec<(u32, f64)> {
    let tokenized: Vec<(u32, Vec<String>)> =
        docs.iter().map(|(id, t)| (*id, model_tokens(t))).collect();
    let n = tokenized.len() as f64;
    let avgdl = tokenized.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / n;
    let mut terms = model_tokens(query);
    terms.sort();
    terms.dedup();
    let mut scored = Vec::new();
    for (id, tokens) in &tokenized {
        let mut score = 0.0;
        let mut matched = false;
        for q in &terms {
            let f = tokens.iter().filter(|t| *t == q).count() as f64;
            if f == 0.0 {
                continue;
            }
            matched = true;
            let df = tokenized.iter().filter(|(_, t)| t.contains(q)).count() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let len = tokens.len() as f64;
            score += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len / avgdl));
        }
        if matched {
            scored.push((*id, score));
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // The test data avoids near-ties, where rounding could decide the order: any two scores
    // are either exactly equal or clearly apart.
    for pair in scored.windows(2) {
        let gap = (pair[0].1 - pair[1].1).abs();
        assert!(
            gap == 0.0 || gap > 1e-9,
            "test data error: near-tie {pair:?}"
        );
    }
    scored.truncate(k);
    scored
}

fn index_of(docs: &[(u32, String)]) -> Index {
    let mut index = Index::new();
    for (id, text) in docs {
        index.add(*id, text);
    }
    index
}

fn docs(texts: &[(u32, &str)]) -> Vec<(u32, String)> {
    texts.iter().map(|(id, t)| (*id, t.to_string())).collect()
}

/// Compares a ranking with the model's: the same documents in the same order, scores within 1e-9.
fn expect_ranking(actual: &[(u32, f64)], expected: &[(u32, f64)], what: &str) {
    let ids: Vec<u32> = actual.iter().map(|h| h.0).collect();
    let want: Vec<u32> = expected.iter().map(|h| h.0).collect();
    expect_eq!(ids, want, "documents in rank order for {}", what);
    for (a, e) in actual.iter().zip(expected) {
        expect!(
            (a.1 - e.1).abs() <= 1e-9,
            "{}: document {} scores {}, BM25 gives {}",
            what,
            e.0,
            a.1,
            e.1
        );
    }
}

fn ids(hits: &[(u32, f64)]) -> Vec<u32> {
    hits.iter().map(|h| h.0).collect()
}

/// A tiny fixed-seed generator for reproducible test data.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

// ---------- tokenize ----------

#[test]
fn tokenize_splits_on_non_alphanumerics_and_lowercases() {
    expect_eq!(
        tokenize("Rust's ZERO-cost 2024!"),
        vec!["rust", "s", "zero", "cost", "2024"],
        "split at every non-alphanumeric character, lowercase each piece"
    );
    expect_eq!(
        tokenize("a,b;;c  d\te\nf"),
        vec!["a", "b", "c", "d", "e", "f"],
        "any punctuation or whitespace separates"
    );
}

#[test]
fn tokenize_of_nothing_is_empty() {
    expect_eq!(
        tokenize(""),
        Vec::<String>::new(),
        "the empty string has no tokens"
    );
    expect_eq!(
        tokenize(" ,.!? -- "),
        Vec::<String>::new(),
        "only separators: no tokens"
    );
}

#[test]
fn tokenize_handles_unicode() {
    expect_eq!(
        tokenize("Ünïcödé STRASSE straße Ωmega 東京"),
        vec!["ünïcödé", "strasse", "straße", "ωmega", "東京"],
        "non-ASCII letters are alphanumeric and lowercase with to_lowercase"
    );
}

// ---------- search ----------

#[test]
fn an_empty_index_finds_nothing() {
    let index = Index::new();
    expect_eq!(
        index.search("anything", 10),
        vec![],
        "no documents, no hits"
    );
}

#[test]
fn a_query_with_no_known_terms_finds_nothing() {
    let index = index_of(&docs(&[(1, "red apple"), (2, "green pear")]));
    expect_eq!(
        index.search("banana", 10),
        vec![],
        "no document contains banana"
    );
    expect_eq!(index.search("", 10), vec![], "an empty query finds nothing");
    expect_eq!(
        index.search("!!!", 10),
        vec![],
        "a query of separators finds nothing"
    );
}

#[test]
fn only_documents_with_a_query_term_are_returned() {
    let index = index_of(&docs(&[
        (1, "red apple"),
        (2, "green pear"),
        (3, "red pear"),
    ]));
    expect_eq!(
        ids(&index.search("apple", 10)),
        vec![1],
        "only document 1 contains apple"
    );
}

#[test]
fn the_example_ranks_the_short_document_first() {
    let corpus = docs(&[
        (1, "the quick brown fox"),
        (2, "the lazy dog"),
        (3, "the quick dog jumps over the quick fox"),
    ]);
    let index = index_of(&corpus);
    expect_ranking(
        &index.search("quick fox", 10),
        &model_search(&corpus, "quick fox", 10),
        "\"quick fox\"",
    );
    expect_eq!(
        ids(&index.search("quick fox", 10)),
        vec![1, 3],
        "document 1 is shorter, so it ranks first"
    );
}

#[test]
fn scores_follow_the_bm25_formula() {
    let corpus = docs(&[(1, "a b c"), (2, "a a b"), (3, "c d e f g h"), (4, "a")]);
    let index = index_of(&corpus);
    // N = 4, avgdl = 13 / 4; "a" occurs in 3 documents.
    let idf_a = (1.0f64 + (4.0 - 3.0 + 0.5) / (3.0 + 0.5)).ln();
    let score = |f: f64, len: f64| idf_a * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len / 3.25));
    let hits = index.search("a", 10);
    expect_ranking(
        &hits,
        &[
            (2, score(2.0, 3.0)),
            (4, score(1.0, 1.0)),
            (1, score(1.0, 3.0)),
        ],
        "\"a\" with IDF = ln(1 + (N - n + 0.5) / (n + 0.5))",
    );
}

#[test]
fn a_term_in_most_documents_still_scores_positive() {
    let corpus = docs(&[
        (1, "common rare"),
        (2, "common"),
        (3, "common"),
        (4, "common x"),
        (5, "y"),
    ]);
    let index = index_of(&corpus);
    let hits = index.search("common", 10);
    expect_eq!(hits.len(), 4, "all four documents with \"common\" are hits");
    expect!(
        hits.iter().all(|h| h.1 > 0.0),
        "IDF = ln(1 + ...) is positive even for a term in 4 of 5 documents: {:?}",
        hits
    );
    expect_ranking(
        &hits,
        &model_search(&corpus, "common", 10),
        "a very common term",
    );
}

#[test]
fn idf_counts_documents_not_occurrences() {
    // "spam" occurs 6 times but in only one document; "ham" once each in two documents.
    let corpus = docs(&[
        (1, "spam spam spam spam spam spam ham"),
        (2, "ham eggs"),
        (3, "eggs"),
        (4, "toast"),
    ]);
    let index = index_of(&corpus);
    for q in ["spam", "ham", "spam ham", "eggs ham"] {
        expect_ranking(
            &index.search(q, 10),
            &model_search(&corpus, q, 10),
            &format!("{q:?}"),
        );
    }
}

#[test]
fn longer_documents_are_penalised() {
    let corpus = docs(&[
        (1, "cat one two three four five six seven"),
        (2, "cat one"),
        (3, "dog"),
    ]);
    let index = index_of(&corpus);
    let hits = index.search("cat", 10);
    expect_eq!(
        ids(&hits),
        vec![2, 1],
        "same term frequency: the shorter document ranks higher"
    );
    expect_ranking(&hits, &model_search(&corpus, "cat", 10), "\"cat\"");
}

#[test]
fn more_occurrences_score_higher_but_saturate() {
    let corpus = docs(&[
        (1, "ping x x x"),
        (2, "ping ping x x"),
        (3, "ping ping ping ping"),
        (4, "other"),
    ]);
    let index = index_of(&corpus);
    let hits = index.search("ping", 10);
    expect_eq!(
        ids(&hits),
        vec![3, 2, 1],
        "more occurrences in documents of equal length rank higher"
    );
    expect_ranking(&hits, &model_search(&corpus, "ping", 10), "\"ping\"");
}

#[test]
fn repeated_query_terms_count_once() {
    let corpus = docs(&[(1, "cat dog"), (2, "cat cat bird"), (3, "dog")]);
    let index = index_of(&corpus);
    expect_ranking(
        &index.search("cat cat CAT", 10),
        &index.search("cat", 10),
        "\"cat cat CAT\" is the query \"cat\"",
    );
    expect_ranking(
        &index.search("cat", 10),
        &model_search(&corpus, "cat", 10),
        "\"cat\"",
    );
}

#[test]
fn queries_are_tokenized_like_documents() {
    let corpus = docs(&[(1, "Hello, World"), (2, "hello there")]);
    let index = index_of(&corpus);
    expect_ranking(
        &index.search("WORLD!", 10),
        &model_search(&corpus, "world", 10),
        "\"WORLD!\" matches \"World\"",
    );
}

#[test]
fn equal_scores_come_in_increasing_id_order() {
    let mut corpus = Vec::new();
    // Twenty identical documents added in a scrambled order, plus some others.
    for i in [
        17u32, 3, 11, 20, 1, 8, 14, 5, 19, 2, 9, 13, 6, 18, 4, 12, 7, 15, 10, 16,
    ] {
        corpus.push((i * 10, "same words here".to_string()));
    }
    corpus.push((5, "other words".to_string()));
    let index = index_of(&corpus);
    let hits = index.search("same", 100);
    let expected: Vec<u32> = (1..=20).map(|i| i * 10).collect();
    expect_eq!(
        ids(&hits),
        expected,
        "documents with equal scores are ranked by increasing id"
    );
    expect_eq!(
        ids(&index.search("same", 5)),
        vec![10, 20, 30, 40, 50],
        "the top 5 of 20 tied documents are the 5 smallest ids"
    );
}

#[test]
fn k_limits_the_results() {
    let corpus = docs(&[(1, "x a"), (2, "x b b"), (3, "x c c c"), (4, "y")]);
    let index = index_of(&corpus);
    let all = model_search(&corpus, "x", 10);
    expect_ranking(&index.search("x", 2), &all[..2], "k = 2 keeps the two best");
    expect_eq!(index.search("x", 0), vec![], "k = 0 gives nothing");
    expect_eq!(
        index.search("x", 1000).len(),
        3,
        "k above the number of hits gives every hit"
    );
}

#[test]
fn empty_documents_count_in_the_statistics() {
    let corpus = docs(&[(1, "solo word"), (2, ""), (3, "..."), (4, "another word")]);
    let index = index_of(&corpus);
    expect_ranking(
        &index.search("solo", 10),
        &model_search(&corpus, "solo", 10),
        "N = 4 and avgdl = 1 when two of four documents have no tokens",
    );
}

#[test]
fn random_corpora_match_the_formula() {
    let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    for seed in 1..=4u64 {
        let mut rng = Lcg(seed);
        let corpus: Vec<(u32, String)> = (0..300u32)
            .map(|id| {
                let len = 1 + rng.below(12);
                // Skewed choice: low-numbered words are much more common.
                let text: Vec<&str> = (0..len)
                    .map(|_| words[(rng.below(40) * rng.below(40) / 40) as usize].as_str())
                    .collect();
                (id * 3 + 1, text.join(" "))
            })
            .collect();
        let index = index_of(&corpus);
        for _ in 0..40 {
            let q: Vec<&str> = (0..1 + rng.below(2))
                .map(|_| words[rng.below(40) as usize].as_str())
                .collect();
            let q = q.join(" ");
            let k = 1 + rng.below(30) as usize;
            expect_ranking(
                &index.search(&q, k),
                &model_search(&corpus, &q, k),
                &format!("seed {seed}, query {q:?}, k {k}"),
            );
        }
    }
}

// ---------- merging shards ----------

#[test]
fn merge_takes_the_best_across_shards() {
    let a = vec![(1, 9.0), (4, 5.0), (7, 1.0)];
    let b = vec![(2, 8.0), (5, 6.0)];
    let c = vec![(3, 7.0)];
    expect_eq!(
        merge_top_k(&[a, b, c], 4),
        vec![(1, 9.0), (2, 8.0), (3, 7.0), (5, 6.0)],
        "the four best scores of all shards, highest first"
    );
}

#[test]
fn merge_breaks_ties_by_id_across_shards() {
    let a = vec![(8, 2.0), (2, 1.0)];
    let b = vec![(3, 2.0), (1, 1.0)];
    expect_eq!(
        merge_top_k(&[a, b], 10),
        vec![(3, 2.0), (8, 2.0), (1, 1.0), (2, 1.0)],
        "equal scores from different shards are ordered by increasing id"
    );
}

#[test]
fn merge_edge_cases() {
    expect_eq!(merge_top_k(&[], 5), vec![], "no shards: nothing");
    expect_eq!(
        merge_top_k(&[vec![], vec![]], 5),
        vec![],
        "empty shards: nothing"
    );
    expect_eq!(
        merge_top_k(&[vec![(1, 1.0)], vec![(2, 2.0)]], 0),
        vec![],
        "k = 0: nothing"
    );
    expect_eq!(
        merge_top_k(&[vec![(1, 1.0)], vec![], vec![(2, 2.0)]], 10),
        vec![(2, 2.0), (1, 1.0)],
        "k above the total: everything, ranked"
    );
}

#[test]
fn merging_shard_searches_keeps_each_shards_ranking() {
    let mut shards: Vec<Index> = (0..3).map(|_| Index::new()).collect();
    let mut rng = Lcg(77);
    for id in 0..600u32 {
        let text: Vec<String> = (0..1 + rng.below(6))
            .map(|_| format!("t{}", rng.below(15)))
            .collect();
        shards[(id % 3) as usize].add(id, &text.join(" "));
    }
    let results: Vec<Vec<(u32, f64)>> = shards.iter().map(|s| s.search("t1 t2", 25)).collect();
    let mut expected: Vec<(u32, f64)> = results.iter().flatten().copied().collect();
    expected.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    expected.truncate(25);
    expect_eq!(
        merge_top_k(&results, 25),
        expected,
        "the coordinator's top 25 of three shards' top 25s"
    );
}

// ---------- performance ----------

#[test]
fn queries_touch_only_their_postings() {
    // 40,000 documents of 6 tokens: a few very common words plus rare ones, each rare word in
    // about 3 documents. 8,000 queries of two rare words: scanning every document per query
    // is 320 million document visits.
    let mut rng = Lcg(2024);
    let mut index = Index::new();
    let mut rare_docs: HashMap<u32, Vec<u32>> = HashMap::new();
    for id in 0..40_000u32 {
        let mut text = String::new();
        for _ in 0..4 {
            text.push_str(&format!("c{} ", rng.below(10)));
        }
        for _ in 0..2 {
            let r = rng.below(30_000) as u32;
            rare_docs.entry(r).or_default().push(id);
            text.push_str(&format!("r{r} "));
        }
        index.add(id, &text);
    }
    let mut found = 0usize;
    for q in 0..8_000u32 {
        let (a, b) = (q * 4 % 30_000, (q * 4 + 1) % 30_000);
        let hits = index.search(&format!("r{a} r{b}"), 10);
        let mut expected: HashSet<u32> = HashSet::new();
        for r in [a, b] {
            expected.extend(rare_docs.get(&r).into_iter().flatten());
        }
        let got: HashSet<u32> = hits.iter().map(|h| h.0).collect();
        if expected.len() <= 10 {
            expect_eq!(
                got,
                expected,
                "query \"r{} r{}\" finds exactly the documents containing them",
                a,
                b
            );
        }
        found += hits.len();
    }
    expect!(found > 8_000, "the queries found documents");
}
