use kata_assert::{expect, expect_eq};
use lifetimes_longest::{longest, Excerpt};

/// True when `inner` is exactly the slice `outer[start..start + inner.len()]`, same memory.
fn is_slice_at(inner: &str, outer: &str, start: usize) -> bool {
    inner.as_ptr() == outer[start..].as_ptr() && start + inner.len() <= outer.len()
}

/// True when `inner` lies inside the memory of `outer`.
fn lies_within(inner: &str, outer: &str) -> bool {
    let (i, o) = (inner.as_ptr() as usize, outer.as_ptr() as usize);
    i >= o && i + inner.len() <= o + outer.len()
}

#[test]
fn longest_returns_the_longer_first_argument() {
    expect_eq!(
        longest("Ishmael", "whale"),
        "Ishmael",
        "\"Ishmael\" is longer than \"whale\""
    );
}

#[test]
fn longest_returns_the_longer_second_argument() {
    expect_eq!(
        longest("sea", "ahab"),
        "ahab",
        "\"ahab\" is longer than \"sea\""
    );
}

#[test]
fn longest_returns_the_first_on_ties() {
    expect_eq!(
        longest("moby", "dick"),
        "moby",
        "a tie: longest returns x, the first one"
    );
    let x = String::from("same");
    let y = String::from("same");
    let result = longest(&x, &y);
    expect!(
        is_slice_at(result, &x, 0),
        "longest(\"same\", \"same\") must return x itself (the first argument), not y or a copy"
    );
}

#[test]
fn longest_returns_an_argument_not_a_copy() {
    let x = String::from("a long first argument");
    let y = String::from("short");
    expect!(
        is_slice_at(longest(&x, &y), &x, 0),
        "longest must return x itself, a slice of the caller's string, not a copy"
    );
    expect!(
        is_slice_at(longest(&y, &x), &x, 0),
        "longest must return y itself, a slice of the caller's string, not a copy"
    );
}

#[test]
fn longest_measures_bytes_not_characters() {
    expect_eq!(
        longest("abcd", "ééé"),
        "ééé",
        "\"ééé\" is 6 bytes and \"abcd\" 4: length is str::len, in bytes"
    );
    expect_eq!(
        longest("éé", "abcd"),
        "éé",
        "\"éé\" and \"abcd\" are both 4 bytes: a tie, so the first one"
    );
}

#[test]
fn longest_with_empty_strings() {
    expect_eq!(longest("", "a"), "a", "\"a\" is longer than \"\"");
    expect_eq!(longest("a", ""), "a", "\"a\" is longer than \"\"");
    expect_eq!(
        longest("", ""),
        "",
        "two empty strings give an empty string"
    );
}

#[test]
fn longest_works_with_slices_of_one_string() {
    let text = String::from("tiny enormous");
    let (a, b) = text.split_at(4);
    let result = longest(a, b);
    expect_eq!(
        result,
        " enormous",
        "\" enormous\" (9 bytes) is longer than \"tiny\""
    );
    expect!(
        is_slice_at(result, &text, 4),
        "the result is the second slice itself"
    );
}

#[test]
fn first_sentence_ends_before_the_first_period() {
    let text = "Call me Ishmael. Some years ago, never mind how long.";
    expect_eq!(
        Excerpt::first_sentence(text).part(),
        "Call me Ishmael",
        "the first sentence is the text before the first '.'"
    );
}

#[test]
fn first_sentence_ends_at_exclamation_and_question_marks() {
    expect_eq!(
        Excerpt::first_sentence("Thar she blows! The whale.").part(),
        "Thar she blows",
        "'!' ends a sentence"
    );
    expect_eq!(
        Excerpt::first_sentence("Who is Ahab? A captain.").part(),
        "Who is Ahab",
        "'?' ends a sentence"
    );
}

#[test]
fn first_sentence_ends_at_the_earliest_mark() {
    expect_eq!(
        Excerpt::first_sentence("Wait? No! Yes.").part(),
        "Wait",
        "the earliest of '.', '!' and '?' ends the sentence"
    );
    expect_eq!(
        Excerpt::first_sentence("Stop! Really? Yes.").part(),
        "Stop",
        "the earliest of '.', '!' and '?' ends the sentence"
    );
    expect_eq!(
        Excerpt::first_sentence("Yes. Really? Stop!").part(),
        "Yes",
        "the earliest of '.', '!' and '?' ends the sentence"
    );
}

#[test]
fn text_without_a_mark_is_one_sentence() {
    expect_eq!(
        Excerpt::first_sentence("no full stop here").part(),
        "no full stop here",
        "a text without '.', '!' or '?' is all one sentence"
    );
}

#[test]
fn first_sentence_is_trimmed() {
    expect_eq!(
        Excerpt::first_sentence("   Call me Ishmael   . Then").part(),
        "Call me Ishmael",
        "leading and trailing whitespace is removed"
    );
    expect_eq!(
        Excerpt::first_sentence("\n\t Loomings \n").part(),
        "Loomings",
        "tabs and newlines are whitespace too"
    );
}

#[test]
fn first_sentence_trims_unicode_whitespace() {
    expect_eq!(
        Excerpt::first_sentence("\u{2003}Call me Ishmael\u{a0}. Then").part(),
        "Call me Ishmael",
        "str::trim removes Unicode whitespace too: an em space (U+2003) and a no-break space (U+00A0)"
    );
}

#[test]
fn first_sentence_can_be_empty() {
    expect_eq!(
        Excerpt::first_sentence("").part(),
        "",
        "an empty text gives an empty sentence"
    );
    expect_eq!(
        Excerpt::first_sentence(". After").part(),
        "",
        "a text starting with '.' has an empty first sentence"
    );
    expect_eq!(
        Excerpt::first_sentence("   ").part(),
        "",
        "a text of only whitespace has an empty sentence"
    );
}

#[test]
fn part_is_a_slice_of_the_text() {
    let text = String::from("  Call me Ishmael. Some years ago.");
    let excerpt = Excerpt::first_sentence(&text);
    expect!(
        is_slice_at(excerpt.part(), &text, 2),
        "part must be the slice text[2..17] of the caller's text, not a copy"
    );
}

#[test]
fn part_outlives_the_excerpt() {
    let text = String::from("Call me Ishmael. Some years ago.");
    let part = {
        let excerpt = Excerpt::first_sentence(&text);
        excerpt.part()
    };
    expect_eq!(
        part,
        "Call me Ishmael",
        "the part stays usable after the Excerpt is dropped"
    );
}

#[test]
fn excerpts_of_one_text_coexist() {
    let text = String::from("One. Two.");
    let first = Excerpt::first_sentence(&text);
    let second = Excerpt::first_sentence(&text[5..]);
    expect_eq!(first.part(), "One", "the first sentence of the whole text");
    expect_eq!(
        second.part(),
        "Two",
        "the first sentence of the text after \"One. \""
    );
}

#[test]
fn longest_word_finds_the_longest() {
    let excerpt = Excerpt::first_sentence("Call me Ishmael. Some years ago.");
    expect_eq!(
        excerpt.longest_word(),
        "Ishmael",
        "\"Ishmael\" is the longest word of \"Call me Ishmael\""
    );
}

#[test]
fn longest_word_looks_only_at_the_first_sentence() {
    let excerpt = Excerpt::first_sentence("It is. Extraordinarily long words come later.");
    expect_eq!(
        excerpt.longest_word(),
        "It",
        "only the words of \"It is\" count; \"It\" and \"is\" tie, so the first"
    );
}

#[test]
fn longest_word_prefers_the_first_on_ties() {
    let excerpt = Excerpt::first_sentence("cat dog emu");
    expect_eq!(
        excerpt.longest_word(),
        "cat",
        "three 3-byte words tie: the first one wins"
    );
    let text = String::from("ab cd ab cd");
    let word = Excerpt::first_sentence(&text).longest_word();
    expect!(
        is_slice_at(word, &text, 0),
        "all words tie: the result must be the first word, text[0..2]"
    );
}

#[test]
fn longest_word_keeps_punctuation_in_words() {
    let excerpt = Excerpt::first_sentence("ab, abc");
    expect_eq!(
        excerpt.longest_word(),
        "ab,",
        "\"ab,\" (with its comma) and \"abc\" are both 3 bytes: the first one"
    );
    let excerpt = Excerpt::first_sentence("Yes, sir");
    expect_eq!(
        excerpt.longest_word(),
        "Yes,",
        "\"Yes,\" is 4 bytes with its comma, \"sir\" 3"
    );
}

#[test]
fn longest_word_splits_on_any_whitespace() {
    let excerpt = Excerpt::first_sentence("a\tbb\ncccc  ddd");
    expect_eq!(
        excerpt.longest_word(),
        "cccc",
        "tabs, newlines and runs of spaces separate words"
    );
}

#[test]
fn longest_word_splits_on_unicode_whitespace() {
    let excerpt = Excerpt::first_sentence("ab\u{a0}cd efg\u{3000}hij");
    expect_eq!(
        excerpt.longest_word(),
        "efg",
        "a no-break space (U+00A0) and an ideographic space (U+3000) separate words: \"ab\", \"cd\", \"efg\", \"hij\""
    );
}

#[test]
fn longest_word_measures_bytes() {
    let excerpt = Excerpt::first_sentence("abcd ééé");
    expect_eq!(
        excerpt.longest_word(),
        "ééé",
        "\"ééé\" is 6 bytes, \"abcd\" 4: length is in bytes"
    );
}

#[test]
fn longest_word_of_an_empty_sentence_is_empty() {
    expect_eq!(
        Excerpt::first_sentence("").longest_word(),
        "",
        "no words: an empty string"
    );
    expect_eq!(
        Excerpt::first_sentence(" . words").longest_word(),
        "",
        "the first sentence is empty: no words"
    );
}

#[test]
fn longest_word_is_a_slice_of_the_text() {
    let text = String::from("Call me Ishmael. Some years ago.");
    let word = Excerpt::first_sentence(&text).longest_word();
    expect!(
        is_slice_at(word, &text, 8),
        "longest_word must be the slice text[8..15] of the caller's text, not a copy"
    );
    expect!(
        lies_within(word, &text),
        "longest_word must point into the caller's text"
    );
}

#[test]
fn longest_word_outlives_the_excerpt() {
    let text = String::from("Thar she blows!");
    let word = {
        let excerpt = Excerpt::first_sentence(&text);
        excerpt.longest_word()
    };
    expect_eq!(
        word,
        "blows",
        "the word stays usable after the Excerpt is dropped"
    );
}
