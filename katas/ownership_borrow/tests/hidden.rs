use kata_assert::{expect, expect_eq};
use ownership_borrow::{longest, move_longest_to_front, summarize, total_len};

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the allocations made by the current thread, so that tests running in parallel do not
/// see each other's allocations.
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_one();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Runs `f` and returns its result with the number of allocations it made.
fn allocations_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = f();
    let after = ALLOCATIONS.with(Cell::get);
    (result, after - before)
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| w.to_string()).collect()
}

/// The address of each word's heap buffer, to check that words were moved, not copied.
fn buffers(words: &[String]) -> Vec<*const u8> {
    words.iter().map(|w| w.as_ptr()).collect()
}

#[test]
fn total_len_adds_the_byte_lengths() {
    expect_eq!(
        total_len(&words(&["hello", "wide", "world"])),
        14,
        "5 + 4 + 5 bytes"
    );
}

#[test]
fn total_len_counts_bytes_not_characters() {
    expect_eq!(
        total_len(&words(&["é", "ab"])),
        4,
        "\"é\" is 2 bytes long and \"ab\" 2 bytes: length is str::len, in bytes"
    );
}

#[test]
fn total_len_of_no_words_is_zero() {
    expect_eq!(total_len(&[]), 0, "an empty list has total length 0");
}

#[test]
fn longest_finds_the_longest_word() {
    let list = words(&["to", "be", "or", "not", "to", "be"]);
    expect_eq!(
        longest(&list),
        Some("not"),
        "\"not\" is the only 3-byte word"
    );
    let list = words(&["a", "abc", "ab"]);
    expect_eq!(
        longest(&list),
        Some("abc"),
        "\"abc\" is longer than \"a\" and \"ab\""
    );
}

#[test]
fn longest_of_no_words_is_none() {
    expect_eq!(longest(&[]), None, "an empty list has no longest word");
}

#[test]
fn longest_of_one_word_is_that_word() {
    let list = words(&["solo"]);
    expect_eq!(
        longest(&list),
        Some("solo"),
        "a one-word list's longest word is that word"
    );
}

#[test]
fn longest_prefers_the_first_on_ties() {
    let list = words(&["ab", "cd", "ef"]);
    expect_eq!(
        longest(&list),
        Some("ab"),
        "all words have length 2: the first one wins"
    );
    let list = words(&["x", "abc", "def", "y"]);
    expect_eq!(
        longest(&list),
        Some("abc"),
        "\"abc\" and \"def\" tie: the first one wins"
    );
}

#[test]
fn empty_words_still_have_a_longest() {
    let list = words(&["", ""]);
    expect_eq!(
        longest(&list),
        Some(""),
        "two empty words tie at length 0: the first one is the longest, not None"
    );
    let summary = summarize(&list);
    expect_eq!(
        (summary.count, summary.total_len, summary.longest_len),
        (2, 0, 0),
        "two empty words: count 2, total length 0, longest length 0"
    );
    let mut list = words(&["", "", "a", ""]);
    move_longest_to_front(&mut list);
    expect_eq!(
        list,
        words(&["a", "", "", ""]),
        "\"a\" is longer than the empty words and moves to the front"
    );
}

#[test]
fn longest_borrows_from_the_callers_words() {
    let list = words(&["same", "word", "same"]);
    let found = longest(&list).unwrap_or_default();
    expect!(
        found.as_ptr() == list[0].as_ptr() && found.len() == list[0].len(),
        "longest must return a &str pointing into the first longest String of the caller's list, not a copy"
    );
}

#[test]
fn longest_measures_bytes_not_characters() {
    let list = words(&["abcd", "ééé"]);
    expect_eq!(
        longest(&list),
        Some("ééé"),
        "\"ééé\" is 6 bytes, \"abcd\" 4 bytes: length is str::len, in bytes"
    );
}

#[test]
fn summarize_counts_and_measures() {
    let list = words(&["to", "be", "or", "not", "to", "be"]);
    let summary = summarize(&list);
    expect_eq!(summary.count, 6, "count is the number of words");
    expect_eq!(
        summary.total_len,
        13,
        "total_len is the sum of the word lengths"
    );
    expect_eq!(
        summary.longest_len,
        3,
        "longest_len is the length of \"not\""
    );
}

#[test]
fn summarize_of_no_words_is_all_zero() {
    let summary = summarize(&[]);
    expect_eq!(summary.count, 0, "an empty list has 0 words");
    expect_eq!(summary.total_len, 0, "an empty list has total length 0");
    expect_eq!(summary.longest_len, 0, "an empty list has longest_len 0");
}

#[test]
fn summarize_measures_bytes() {
    let summary = summarize(&words(&["ééé", "abcd"]));
    expect_eq!(summary.total_len, 10, "6 + 4 bytes");
    expect_eq!(summary.longest_len, 6, "\"ééé\" is 6 bytes long");
}

#[test]
fn caller_keeps_the_words_after_summarize() {
    let list = words(&["borrow", "not", "move"]);
    let first = summarize(&list);
    let second = summarize(&list);
    expect_eq!(
        list,
        words(&["borrow", "not", "move"]),
        "summarize only borrows: the caller's words are unchanged"
    );
    expect_eq!(
        (first.count, first.total_len, first.longest_len),
        (second.count, second.total_len, second.longest_len),
        "summarizing the same list twice gives the same summary"
    );
}

#[test]
fn total_len_does_not_allocate() {
    let list = words(&["no", "copies", "please"]);
    let (_, allocations) = allocations_during(|| total_len(&list));
    expect_eq!(
        allocations,
        0,
        "total_len must only read the words, never copy them"
    );
}

#[test]
fn longest_does_not_allocate() {
    let list = words(&["no", "copies", "please"]);
    let (_, allocations) = allocations_during(|| longest(&list).map(str::len));
    expect_eq!(
        allocations,
        0,
        "longest must borrow the word, never copy it"
    );
}

#[test]
fn summarize_does_not_allocate() {
    let list = words(&["no", "copies", "of", "the", "list", "please"]);
    let (summary, allocations) = allocations_during(|| summarize(&list));
    expect_eq!(
        allocations,
        0,
        "summarize must borrow the list, never clone it or its words"
    );
    expect_eq!(summary.count, 6, "count is the number of words");
}

#[test]
fn move_longest_to_front_shifts_the_words_before_it() {
    let mut list = words(&["to", "be", "or", "not", "to", "be"]);
    move_longest_to_front(&mut list);
    expect_eq!(
        list,
        words(&["not", "to", "be", "or", "to", "be"]),
        "\"not\" moves to index 0; \"to\", \"be\", \"or\" shift one place right; the rest stay"
    );
}

#[test]
fn move_longest_to_front_keeps_the_others_in_order() {
    let mut list = words(&["a", "b", "c", "d", "longest", "e", "f"]);
    move_longest_to_front(&mut list);
    expect_eq!(
        list,
        words(&["longest", "a", "b", "c", "d", "e", "f"]),
        "the other words keep their relative order"
    );
}

#[test]
fn move_longest_to_front_moves_the_last_word() {
    let mut list = words(&["a", "b", "last!"]);
    move_longest_to_front(&mut list);
    expect_eq!(
        list,
        words(&["last!", "a", "b"]),
        "the longest word can be the last one"
    );
}

#[test]
fn move_longest_to_front_uses_the_first_on_ties() {
    let mut list = words(&["x", "abc", "y", "def"]);
    move_longest_to_front(&mut list);
    expect_eq!(
        list,
        words(&["abc", "x", "y", "def"]),
        "\"abc\" and \"def\" tie: the first one, \"abc\", moves to the front"
    );
}

#[test]
fn move_longest_to_front_leaves_a_front_longest_alone() {
    let mut list = words(&["first", "a", "bb", "ccc"]);
    move_longest_to_front(&mut list);
    expect_eq!(
        list,
        words(&["first", "a", "bb", "ccc"]),
        "the longest word is already first: nothing changes"
    );
    let mut list = words(&["ab", "cd", "ef"]);
    move_longest_to_front(&mut list);
    expect_eq!(
        list,
        words(&["ab", "cd", "ef"]),
        "all words tie, so the first is the longest: nothing changes"
    );
}

#[test]
fn move_longest_to_front_handles_empty_and_single() {
    let mut empty: Vec<String> = Vec::new();
    move_longest_to_front(&mut empty);
    expect!(empty.is_empty(), "an empty list stays empty");
    let mut single = words(&["only"]);
    move_longest_to_front(&mut single);
    expect_eq!(single, words(&["only"]), "a one-word list stays as it is");
}

#[test]
fn move_longest_to_front_measures_bytes() {
    let mut list = words(&["abcd", "ééé"]);
    move_longest_to_front(&mut list);
    expect_eq!(
        list,
        words(&["ééé", "abcd"]),
        "\"ééé\" is 6 bytes, longer than \"abcd\": length is str::len, in bytes"
    );
}

#[test]
fn move_longest_to_front_does_not_allocate() {
    let mut list = words(&["a", "bb", "ccc", "dd", "eeeee", "f"]);
    let (_, allocations) = allocations_during(|| move_longest_to_front(&mut list));
    expect_eq!(
        allocations,
        0,
        "move_longest_to_front must move the Strings inside the slice, never clone them"
    );
}

#[test]
fn move_longest_to_front_moves_the_same_strings() {
    let mut list = words(&["a", "bb", "ccc", "dd", "eeeee", "f"]);
    let before = buffers(&list);
    move_longest_to_front(&mut list);
    let expected = vec![
        before[4], before[0], before[1], before[2], before[3], before[5],
    ];
    expect!(
        buffers(&list) == expected,
        "each String must be moved with its own heap buffer, not replaced by a copy"
    );
}
