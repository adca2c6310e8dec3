use kata_assert::{expect, expect_eq};
use trie::Trie;

fn trie_of(words: &[&str]) -> Trie {
    let mut trie = Trie::new();
    for word in words {
        trie.insert(word);
    }
    trie
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn new_trie_holds_no_words() {
    let trie = Trie::new();
    expect!(
        !trie.contains("a"),
        "a new trie contains no word: contains(\"a\") must be false"
    );
    expect!(
        !trie.contains(""),
        "a new trie contains no word, not even \"\""
    );
    expect!(
        !trie.starts_with("a"),
        "no word of a new trie begins with \"a\""
    );
    expect_eq!(
        trie.words_with_prefix(""),
        Vec::<String>::new(),
        "a new trie has no words to list"
    );
    expect_eq!(
        trie.words_with_prefix("a"),
        Vec::<String>::new(),
        "a new trie has no words to list"
    );
}

#[test]
fn empty_prefix_on_a_new_trie_is_false() {
    let trie = Trie::new();
    expect!(
        !trie.starts_with(""),
        "starts_with(\"\") is true only when at least one word has been inserted; a new trie has none"
    );
}

#[test]
fn inserted_word_is_contained() {
    let trie = trie_of(&["apple"]);
    expect!(
        trie.contains("apple"),
        "after insert(\"apple\"), contains(\"apple\") must be true"
    );
}

#[test]
fn prefix_of_a_word_is_not_a_word() {
    let trie = trie_of(&["apple"]);
    for prefix in ["a", "ap", "app", "appl"] {
        expect!(
            !trie.contains(prefix),
            "only \"apple\" was inserted: contains({prefix:?}) must be false (a prefix is not a word)"
        );
    }
    expect!(
        !trie.contains(""),
        "only \"apple\" was inserted: contains(\"\") must be false"
    );
}

#[test]
fn longer_word_is_not_contained() {
    let trie = trie_of(&["app"]);
    expect!(
        !trie.contains("apple"),
        "only \"app\" was inserted: contains(\"apple\") must be false"
    );
    expect!(
        !trie.contains("apps"),
        "only \"app\" was inserted: contains(\"apps\") must be false"
    );
}

#[test]
fn prefix_becomes_a_word_once_inserted() {
    let trie = trie_of(&["apple", "app"]);
    expect!(
        trie.contains("app"),
        "\"app\" inserted after \"apple\" must be contained"
    );
    expect!(
        trie.contains("apple"),
        "\"apple\" must still be contained after inserting \"app\""
    );
    expect!(!trie.contains("appl"), "\"appl\" was never inserted");

    let trie = trie_of(&["app", "apple"]);
    expect!(
        trie.contains("app"),
        "\"app\" must still be contained after inserting \"apple\""
    );
    expect!(
        trie.contains("apple"),
        "\"apple\" inserted after \"app\" must be contained"
    );
}

#[test]
fn starts_with_every_prefix_including_the_whole_word() {
    let trie = trie_of(&["apple"]);
    for prefix in ["a", "ap", "app", "appl", "apple"] {
        expect!(
            trie.starts_with(prefix),
            "\"apple\" begins with {prefix:?}: starts_with({prefix:?}) must be true"
        );
    }
}

#[test]
fn starts_with_is_false_for_non_prefixes() {
    let trie = trie_of(&["apple", "banana"]);
    for prefix in ["b a", "apples", "c", "ba nana", "pple", "aple", "bananas"] {
        expect!(
            !trie.starts_with(prefix),
            "no word of [\"apple\", \"banana\"] begins with {prefix:?}"
        );
    }
}

#[test]
fn empty_prefix_is_true_once_a_word_is_stored() {
    let trie = trie_of(&["x"]);
    expect!(
        trie.starts_with(""),
        "every word begins with \"\": starts_with(\"\") must be true"
    );
}

#[test]
fn empty_string_is_a_word() {
    let trie = trie_of(&[""]);
    expect!(
        trie.contains(""),
        "after insert(\"\"), contains(\"\") must be true"
    );
    expect!(
        trie.starts_with(""),
        "after insert(\"\"), the word \"\" begins with \"\""
    );
    expect!(
        !trie.contains("a"),
        "only \"\" was inserted: contains(\"a\") must be false"
    );
    expect!(
        !trie.starts_with("a"),
        "only \"\" was inserted: no word begins with \"a\""
    );
    expect_eq!(
        trie.words_with_prefix(""),
        strings(&[""]),
        "the only word is \"\""
    );
    expect_eq!(
        trie.words_with_prefix("a"),
        Vec::<String>::new(),
        "\"\" does not begin with \"a\""
    );
}

#[test]
fn empty_string_is_not_a_word_unless_inserted() {
    let trie = trie_of(&["a", "b"]);
    expect!(
        !trie.contains(""),
        "\"\" was never inserted: contains(\"\") must be false"
    );
    expect_eq!(
        trie.words_with_prefix(""),
        strings(&["a", "b"]),
        "\"\" was never inserted, so it is not listed"
    );
}

#[test]
fn duplicates_are_stored_once() {
    let trie = trie_of(&["go", "go", "gone", "go"]);
    expect!(trie.contains("go"), "\"go\" was inserted");
    expect_eq!(
        trie.words_with_prefix("go"),
        strings(&["go", "gone"]),
        "the trie is a set: \"go\" inserted three times is listed once"
    );
    let trie = trie_of(&["", ""]);
    expect_eq!(
        trie.words_with_prefix(""),
        strings(&[""]),
        "\"\" inserted twice is listed once"
    );
}

#[test]
fn words_with_prefix_lists_matches_sorted() {
    let trie = trie_of(&["cat", "dog", "cart", "car", "care", "do", "cab"]);
    expect_eq!(
        trie.words_with_prefix("car"),
        strings(&["car", "care", "cart"]),
        "the words beginning with \"car\", sorted"
    );
    expect_eq!(
        trie.words_with_prefix("c"),
        strings(&["cab", "car", "care", "cart", "cat"]),
        "the words beginning with \"c\", sorted"
    );
    expect_eq!(
        trie.words_with_prefix(""),
        strings(&["cab", "car", "care", "cart", "cat", "do", "dog"]),
        "all words, sorted"
    );
}

#[test]
fn words_with_prefix_includes_the_prefix_when_it_is_a_word() {
    let trie = trie_of(&["tea", "team", "ten"]);
    expect_eq!(
        trie.words_with_prefix("tea"),
        strings(&["tea", "team"]),
        "\"tea\" is a word and begins with itself, so it is listed"
    );
    expect_eq!(
        trie.words_with_prefix("team"),
        strings(&["team"]),
        "a whole word as the prefix lists that word"
    );
}

#[test]
fn words_with_prefix_excludes_words_that_only_share_letters() {
    let trie = trie_of(&["apt", "app", "apply", "bapp", "ap"]);
    expect_eq!(
        trie.words_with_prefix("app"),
        strings(&["app", "apply"]),
        "only the words beginning with \"app\""
    );
}

#[test]
fn words_with_prefix_is_empty_without_a_match() {
    let trie = trie_of(&["alpha", "beta"]);
    expect_eq!(
        trie.words_with_prefix("gamma"),
        Vec::<String>::new(),
        "no word begins with \"gamma\""
    );
    expect_eq!(
        trie.words_with_prefix("alphabet"),
        Vec::<String>::new(),
        "a prefix longer than every word matches nothing"
    );
    expect_eq!(
        trie.words_with_prefix("alp"),
        strings(&["alpha"]),
        "\"alpha\" begins with \"alp\""
    );
}

#[test]
fn single_letters_sort_in_alphabet_order() {
    let letters = "qwertyuiopasdfghjklzxcvbnm";
    let mut trie = Trie::new();
    for ch in letters.chars() {
        trie.insert(&ch.to_string());
    }
    let expected: Vec<String> = ('a'..='z').map(|c| c.to_string()).collect();
    expect_eq!(
        trie.words_with_prefix(""),
        expected,
        "the 26 one-letter words, sorted"
    );
}

#[test]
fn sort_order_is_rust_string_order() {
    let words = [
        "école", "banana", "apples", "日本", "Zebra", "apple", "a", "Ab", "0", "a b",
    ];
    let trie = trie_of(&words);
    expect_eq!(
        trie.words_with_prefix(""),
        strings(&["0", "Ab", "Zebra", "a", "a b", "apple", "apples", "banana", "école", "日本"]),
        "sorted as Rust sorts Strings: digits, then upper case, then lower case, then non-ASCII by code point; a word before its extensions"
    );
}

#[test]
fn words_are_case_sensitive() {
    let trie = trie_of(&["Apple"]);
    expect!(trie.contains("Apple"), "\"Apple\" was inserted");
    expect!(
        !trie.contains("apple"),
        "only \"Apple\" was inserted: \"apple\" is a different word"
    );
    expect!(
        !trie.starts_with("app"),
        "\"Apple\" does not begin with \"app\" (case-sensitive)"
    );
    expect!(trie.starts_with("App"), "\"Apple\" begins with \"App\"");
    expect_eq!(
        trie.words_with_prefix("a"),
        Vec::<String>::new(),
        "no word begins with lower-case \"a\""
    );
}

#[test]
fn non_ascii_words_are_stored() {
    let trie = trie_of(&[
        "héllo",
        "hé",
        "naïve",
        "日本語",
        "日本",
        "🦀 rust",
        "Привет",
    ]);
    for word in [
        "héllo",
        "hé",
        "naïve",
        "日本語",
        "日本",
        "🦀 rust",
        "Привет",
    ] {
        expect!(
            trie.contains(word),
            "{word:?} was inserted: contains must be true"
        );
    }
    expect!(!trie.contains("h"), "\"h\" is only a prefix of \"hé\"");
    expect!(!trie.contains("日"), "\"日\" is only a prefix of \"日本\"");
    expect!(
        !trie.contains("hello"),
        "\"hello\" (no accent) was never inserted"
    );
    expect!(trie.starts_with("日"), "\"日本\" begins with \"日\"");
    expect!(trie.starts_with("🦀"), "\"🦀 rust\" begins with \"🦀\"");
    expect!(trie.starts_with("При"), "\"Привет\" begins with \"При\"");
    expect!(!trie.starts_with("本"), "no word begins with \"本\"");
}

#[test]
fn non_ascii_prefixes_list_their_words() {
    let trie = trie_of(&["日本語", "日本", "日曜日", "中国", "hé", "héllo", "hello"]);
    expect_eq!(
        trie.words_with_prefix("日"),
        strings(&["日曜日", "日本", "日本語"]),
        "the words beginning with \"日\", sorted by code point (曜 U+66DC < 本 U+672C)"
    );
    expect_eq!(
        trie.words_with_prefix("hé"),
        strings(&["hé", "héllo"]),
        "the words beginning with \"hé\""
    );
    expect_eq!(
        trie.words_with_prefix("h"),
        strings(&["hello", "hé", "héllo"]),
        "\"e\" (U+0065) sorts before \"é\" (U+00E9)"
    );
}

#[test]
fn no_unicode_normalization() {
    let decomposed = "e\u{301}"; // "e" followed by a combining acute accent
    let trie = trie_of(&[decomposed]);
    expect!(trie.contains(decomposed), "\"e\\u{{301}}\" was inserted");
    expect!(
        !trie.contains("\u{e9}"),
        "the one-character \"é\" is a different word from \"e\\u{{301}}\""
    );
    expect!(
        !trie.starts_with("\u{e9}"),
        "\"e\\u{{301}}\" does not begin with the one-character \"é\""
    );
    expect!(
        trie.starts_with("e"),
        "\"e\\u{{301}}\" begins with the character \"e\""
    );
    expect!(
        !trie.contains("e"),
        "\"e\" is only a prefix of \"e\\u{{301}}\""
    );
}

#[test]
fn spaces_and_punctuation_are_characters() {
    let trie = trie_of(&["new york", "new", "newark", "new-age", "new york!"]);
    expect!(
        trie.starts_with("new "),
        "\"new york\" begins with \"new \""
    );
    expect_eq!(
        trie.words_with_prefix("new "),
        strings(&["new york", "new york!"]),
        "the words beginning with \"new \" (with the space)"
    );
    expect_eq!(
        trie.words_with_prefix("new"),
        strings(&["new", "new york", "new york!", "new-age", "newark"]),
        "sorted by code point: ' ' < '-' < 'a'"
    );
}

#[test]
fn queries_do_not_change_the_trie() {
    let trie = trie_of(&["ring", "rings"]);
    let _ = trie.contains("rin");
    let _ = trie.starts_with("rx");
    let _ = trie.words_with_prefix("ringside");
    expect!(
        !trie.contains("rin"),
        "looking up \"rin\" must not make it a word"
    );
    expect!(!trie.starts_with("rx"), "looking up \"rx\" must not add it");
    expect_eq!(
        trie.words_with_prefix(""),
        strings(&["ring", "rings"]),
        "queries must not add or remove words"
    );
}

#[test]
fn tries_are_independent() {
    let a = trie_of(&["left"]);
    let b = trie_of(&["right"]);
    expect!(
        !a.contains("right"),
        "a word inserted into one trie must not appear in another"
    );
    expect!(
        !b.contains("left"),
        "a word inserted into one trie must not appear in another"
    );
    expect_eq!(
        b.words_with_prefix(""),
        strings(&["right"]),
        "each trie lists only its own words"
    );
}

/// A small deterministic generator (xorshift) for the larger tests.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn random_word(rng: &mut XorShift, alphabet: &[char]) -> String {
    let len = 1 + (rng.next() % 8) as usize;
    (0..len)
        .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
        .collect()
}

#[test]
fn many_words_agree_with_a_sorted_set() {
    let alphabet = ['a', 'b', 'c', 'd', 'é', 'ß', '日', '🦀', 'Z'];
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut trie = Trie::new();
    let mut set = std::collections::BTreeSet::new();
    for _ in 0..20_000 {
        let word = random_word(&mut rng, &alphabet);
        trie.insert(&word);
        set.insert(word);
    }
    for word in set.iter().step_by(7) {
        expect!(
            trie.contains(word),
            "{word:?} was inserted: contains must be true"
        );
    }
    for _ in 0..2_000 {
        let probe = random_word(&mut rng, &alphabet);
        let expected = set.contains(&probe);
        expect_eq!(
            trie.contains(&probe),
            expected,
            "contains({probe:?}) must say whether {probe:?} was inserted"
        );
        // The smallest stored word not below `probe` begins with it if any stored word does.
        let expected = set
            .range(probe.clone()..)
            .next()
            .is_some_and(|w| w.starts_with(probe.as_str()));
        expect_eq!(
            trie.starts_with(&probe),
            expected,
            "starts_with({probe:?}) must say whether an inserted word begins with {probe:?}"
        );
    }
    for prefix in ["", "a", "é", "日🦀", "Zb", "ßßß", "abcd"] {
        let expected: Vec<String> = set
            .iter()
            .filter(|w| w.starts_with(prefix))
            .cloned()
            .collect();
        expect_eq!(
            trie.words_with_prefix(prefix),
            expected,
            "words_with_prefix({prefix:?}): every inserted word beginning with it, once each, sorted"
        );
    }
}

#[test]
fn prefix_queries_do_not_scan_every_word() {
    // 20,000 words, then 100,000 prefix questions: a trie answers each one by walking down as
    // many nodes as the prefix has characters; scanning every stored word for each question
    // does two billion comparisons.
    let alphabet = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'é', '日'];
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    let mut trie = Trie::new();
    for _ in 0..20_000 {
        trie.insert(&random_word(&mut rng, &alphabet));
    }
    let mut found = 0;
    for _ in 0..100_000 {
        let mut probe = random_word(&mut rng, &alphabet);
        probe.push('z'); // no stored word has a 'z': every probe is a miss
        if trie.starts_with(&probe) || trie.contains(&probe) {
            found += 1;
        }
    }
    expect_eq!(found, 0, "no stored word contains a 'z'");
    expect!(
        trie.starts_with("a") && trie.starts_with("日"),
        "words beginning with 'a' and with '日' were stored"
    );
}
