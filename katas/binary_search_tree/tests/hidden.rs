use std::cmp::Ordering;
use std::collections::BTreeSet;

use binary_search_tree::Bst;
use kata_assert::{expect, expect_eq};

fn tree_of(values: &[i32]) -> Bst<i32> {
    let mut t = Bst::new();
    for &v in values {
        t.insert(v);
    }
    t
}

fn values(t: &Bst<i32>) -> Vec<i32> {
    t.iter().copied().collect()
}

/// The tree from the example:
///
/// ```text
///           50
///        /      \
///      30        70
///     /  \      /  \
///   20    40  60    80
/// ```
const EXAMPLE: [i32; 7] = [50, 30, 70, 20, 40, 60, 80];

/// Ordered by `key` only, so two values can be equal for `Ord` and still be told apart by `tag`.
/// It has no `Clone`, `Copy` or `Debug`.
struct Keyed {
    key: u32,
    tag: &'static str,
}

impl PartialEq for Keyed {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Keyed {}

impl PartialOrd for Keyed {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Keyed {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

fn keyed(key: u32, tag: &'static str) -> Keyed {
    Keyed { key, tag }
}

/// xorshift64: deterministic pseudo-random numbers without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn new_tree_is_empty() {
    let mut t: Bst<i32> = Bst::new();
    expect_eq!(t.len(), 0, "a new tree has length 0");
    expect!(t.is_empty(), "a new tree is empty");
    expect_eq!(t.min(), None, "a new tree has no minimum");
    expect_eq!(t.max(), None, "a new tree has no maximum");
    expect_eq!(values(&t), vec![], "iterating a new tree yields nothing");
    expect!(!t.contains(&0), "a new tree contains nothing");
    expect!(!t.remove(&0), "remove on a new tree returns false");
    expect_eq!(t.len(), 0, "remove on a new tree leaves length 0");
}

#[test]
fn insert_returns_true_for_new_values() {
    let mut t = Bst::new();
    for (i, v) in EXAMPLE.into_iter().enumerate() {
        expect!(
            t.insert(v),
            "inserting {} (not yet present) returns true",
            v
        );
        expect_eq!(
            t.len(),
            i + 1,
            "after inserting {} new values the length is {}",
            i + 1,
            i + 1
        );
    }
    expect!(!t.is_empty(), "a tree with values is not empty");
}

#[test]
fn contains_finds_inserted_values_only() {
    let t = tree_of(&EXAMPLE);
    for v in EXAMPLE {
        expect!(
            t.contains(&v),
            "{} was inserted, so contains({}) is true",
            v,
            v
        );
    }
    for v in [0, 10, 25, 35, 45, 55, 65, 75, 90] {
        expect!(
            !t.contains(&v),
            "{} was never inserted, so contains({}) is false",
            v,
            v
        );
    }
}

#[test]
fn iter_yields_values_in_ascending_order() {
    let t = tree_of(&[5, 3, 8, 1, 4, 7, 9, 2, 6]);
    expect_eq!(
        values(&t),
        vec![1, 2, 3, 4, 5, 6, 7, 8, 9],
        "iter yields every value once, smallest first (in-order)"
    );
}

#[test]
fn iter_only_borrows_and_can_restart() {
    let t = tree_of(&EXAMPLE);
    let first_two: Vec<i32> = t.iter().take(2).copied().collect();
    expect_eq!(
        first_two,
        vec![20, 30],
        "the first two values in order are 20 and 30"
    );
    expect_eq!(
        values(&t),
        vec![20, 30, 40, 50, 60, 70, 80],
        "a new iter starts again from the smallest value"
    );
    let mut a = t.iter();
    let mut b = t.iter();
    expect_eq!(
        a.next(),
        Some(&20),
        "two iterators over one tree are independent"
    );
    expect_eq!(a.next(), Some(&30), "the first iterator moves on");
    expect_eq!(
        b.next(),
        Some(&20),
        "the second iterator still starts at the smallest value"
    );
    expect_eq!(t.len(), 7, "iterating does not change the tree");
}

#[test]
fn iter_ends_with_none() {
    let t = tree_of(&[2, 1, 3]);
    let mut it = t.iter();
    expect_eq!(it.next(), Some(&1), "first value is 1");
    expect_eq!(it.next(), Some(&2), "second value is 2");
    expect_eq!(it.next(), Some(&3), "third value is 3");
    expect_eq!(
        it.next(),
        None,
        "after the largest value the iterator gives None"
    );
}

#[test]
fn duplicate_insert_returns_false_and_changes_nothing() {
    let mut t = tree_of(&EXAMPLE);
    expect!(
        !t.insert(40),
        "40 is already present, so insert(40) returns false"
    );
    expect!(
        !t.insert(50),
        "50 (the root) is already present, so insert(50) returns false"
    );
    expect_eq!(
        t.len(),
        7,
        "inserting values already present keeps the length at 7"
    );
    expect_eq!(
        values(&t),
        vec![20, 30, 40, 50, 60, 70, 80],
        "duplicates are not stored: each value appears once"
    );
}

#[test]
fn one_remove_takes_a_value_out_even_after_a_duplicate_insert() {
    let mut t = tree_of(&[2, 1, 3]);
    t.insert(3);
    t.insert(3);
    expect!(t.remove(&3), "3 is present, so remove(3) returns true");
    expect!(
        !t.contains(&3),
        "3 was inserted three times but stored once: one remove takes it out"
    );
    expect!(
        !t.remove(&3),
        "3 is gone, so a second remove(3) returns false"
    );
    expect_eq!(values(&t), vec![1, 2], "1 and 2 remain");
}

#[test]
fn duplicate_insert_keeps_the_stored_value() {
    let mut t = Bst::new();
    expect!(t.insert(keyed(1, "first")), "key 1 is new");
    expect!(t.insert(keyed(2, "two")), "key 2 is new");
    expect!(
        !t.insert(keyed(1, "second")),
        "a value equal (by Ord) to a stored one is not inserted"
    );
    let tags: Vec<&str> = t.iter().map(|k| k.tag).collect();
    expect_eq!(
        tags,
        vec!["first", "two"],
        "inserting an equal value keeps the value already stored, not the new one"
    );
    expect_eq!(t.len(), 2, "the equal value was not added");
}

#[test]
fn min_and_max() {
    let t = tree_of(&EXAMPLE);
    expect_eq!(t.min(), Some(&20), "the smallest value is 20");
    expect_eq!(t.max(), Some(&80), "the largest value is 80");
    let one = tree_of(&[7]);
    expect_eq!(
        one.min(),
        Some(&7),
        "with a single value, min is that value"
    );
    expect_eq!(
        one.max(),
        Some(&7),
        "with a single value, max is that value"
    );
}

#[test]
fn min_and_max_when_the_root_is_an_extreme() {
    let t = tree_of(&[1, 5, 3, 9]);
    expect_eq!(
        t.min(),
        Some(&1),
        "the root 1 has no smaller values: min is 1"
    );
    expect_eq!(t.max(), Some(&9), "max is 9");
    let t = tree_of(&[9, 5, 7, 1]);
    expect_eq!(
        t.max(),
        Some(&9),
        "the root 9 has no larger values: max is 9"
    );
    expect_eq!(t.min(), Some(&1), "min is 1");
}

#[test]
fn remove_of_a_missing_value_returns_false_and_changes_nothing() {
    let mut t = tree_of(&EXAMPLE);
    expect!(
        !t.remove(&45),
        "45 is not in the tree, so remove(45) returns false"
    );
    expect!(
        !t.remove(&0),
        "0 is not in the tree, so remove(0) returns false"
    );
    expect!(
        !t.remove(&99),
        "99 is not in the tree, so remove(99) returns false"
    );
    expect_eq!(t.len(), 7, "failed removes keep the length at 7");
    expect_eq!(
        values(&t),
        vec![20, 30, 40, 50, 60, 70, 80],
        "failed removes keep every value"
    );
}

#[test]
fn remove_a_leaf() {
    let mut t = tree_of(&EXAMPLE);
    expect!(t.remove(&20), "20 is present, so remove(20) returns true");
    expect!(
        !t.contains(&20),
        "after remove(20), the tree does not contain 20"
    );
    expect_eq!(t.len(), 6, "removing a leaf leaves 6 values");
    expect_eq!(
        values(&t),
        vec![30, 40, 50, 60, 70, 80],
        "the other values remain, in order"
    );
}

#[test]
fn remove_a_node_with_only_a_left_child() {
    let mut t = tree_of(&[50, 30, 20, 25, 10]);
    expect!(t.remove(&30), "30 (whose only child is 20) is removed");
    expect_eq!(
        values(&t),
        vec![10, 20, 25, 50],
        "30's subtree (10, 20, 25) stays, in order"
    );
    expect_eq!(t.len(), 4, "4 values are left");
}

#[test]
fn remove_a_node_with_only_a_right_child() {
    let mut t = tree_of(&[50, 70, 80, 75, 90]);
    expect!(t.remove(&70), "70 (whose only child is 80) is removed");
    expect_eq!(
        values(&t),
        vec![50, 75, 80, 90],
        "70's subtree (75, 80, 90) stays, in order"
    );
    expect_eq!(t.len(), 4, "4 values are left");
}

#[test]
fn remove_a_node_with_two_children() {
    let mut t = tree_of(&EXAMPLE);
    expect!(t.remove(&30), "30 (children 20 and 40) is removed");
    expect!(!t.contains(&30), "30 is gone");
    for v in [20, 40, 50, 60, 70, 80] {
        expect!(t.contains(&v), "removing 30 keeps {}", v);
    }
    expect_eq!(
        values(&t),
        vec![20, 40, 50, 60, 70, 80],
        "the rest stays, in order"
    );
    expect_eq!(t.len(), 6, "6 values are left");
}

#[test]
fn remove_the_root_with_two_children() {
    let mut t = tree_of(&EXAMPLE);
    expect!(t.remove(&50), "the root 50 is removed");
    expect!(!t.contains(&50), "50 is gone");
    for v in [20, 30, 40, 60, 70, 80] {
        expect!(t.contains(&v), "removing the root keeps {}", v);
    }
    expect_eq!(
        values(&t),
        vec![20, 30, 40, 60, 70, 80],
        "the rest stays, in order"
    );
    expect!(t.remove(&60), "60 can be removed next");
    expect!(t.remove(&70), "then 70");
    expect_eq!(values(&t), vec![20, 30, 40, 80], "the rest stays, in order");
}

#[test]
fn remove_with_two_children_when_the_successor_is_deep() {
    //        50
    //      /    \
    //    30      80
    //           /  \
    //         60    90
    //           \
    //            70
    //           /
    //          65
    // The in-order successor of 50 is 60, the leftmost value under 80 (not 80 itself), and 60 has
    // a right subtree of its own.
    let mut t = tree_of(&[50, 30, 80, 60, 90, 70, 65]);
    expect!(t.remove(&50), "the root 50 is removed");
    expect_eq!(
        values(&t),
        vec![30, 60, 65, 70, 80, 90],
        "every other value stays, in order"
    );
    for v in [30, 60, 65, 70, 80, 90] {
        expect!(
            t.contains(&v),
            "after removing 50, contains({}) is still true",
            v
        );
    }
    expect!(!t.contains(&50), "50 is gone");
    expect_eq!(t.min(), Some(&30), "min is still 30");
    expect_eq!(t.max(), Some(&90), "max is still 90");
}

#[test]
fn remove_with_two_children_when_the_predecessor_is_deep() {
    //          50
    //        /    \
    //      20      80
    //     /  \
    //   10    40
    //        /
    //      30
    //        \
    //         35
    let mut t = tree_of(&[50, 20, 80, 10, 40, 30, 35]);
    expect!(t.remove(&50), "the root 50 is removed");
    expect_eq!(
        values(&t),
        vec![10, 20, 30, 35, 40, 80],
        "every other value stays, in order"
    );
    for v in [10, 20, 30, 35, 40, 80] {
        expect!(
            t.contains(&v),
            "after removing 50, contains({}) is still true",
            v
        );
    }
    expect!(t.remove(&20), "20 (children 10 and 40) is removed");
    expect_eq!(
        values(&t),
        vec![10, 30, 35, 40, 80],
        "every other value stays, in order"
    );
    for v in [10, 30, 35, 40, 80] {
        expect!(
            t.contains(&v),
            "after removing 20, contains({}) is still true",
            v
        );
    }
}

#[test]
fn min_and_max_follow_removals() {
    let mut t = tree_of(&EXAMPLE);
    t.remove(&20);
    expect_eq!(t.min(), Some(&30), "after removing 20, the minimum is 30");
    t.remove(&80);
    expect_eq!(t.max(), Some(&70), "after removing 80, the maximum is 70");
    t.remove(&50);
    t.remove(&30);
    expect_eq!(
        t.min(),
        Some(&40),
        "after removing 50 and 30, the minimum is 40"
    );
}

#[test]
fn removing_every_value_leaves_an_empty_reusable_tree() {
    let mut t = tree_of(&EXAMPLE);
    for v in [50, 20, 70, 30, 80, 40, 60] {
        expect!(
            t.remove(&v),
            "{} is present, so remove({}) returns true",
            v,
            v
        );
    }
    expect!(t.is_empty(), "after removing every value the tree is empty");
    expect_eq!(t.len(), 0, "after removing every value the length is 0");
    expect_eq!(t.min(), None, "an emptied tree has no minimum");
    expect_eq!(values(&t), vec![], "an emptied tree yields nothing");
    expect!(t.insert(5), "an emptied tree accepts new values");
    expect!(t.insert(3), "and more");
    expect_eq!(values(&t), vec![3, 5], "the new values are there, in order");
}

#[test]
fn a_removed_value_can_be_inserted_again() {
    let mut t = tree_of(&EXAMPLE);
    t.remove(&30);
    expect!(
        t.insert(30),
        "30 was removed, so inserting it again returns true"
    );
    expect!(t.contains(&30), "30 is back");
    expect_eq!(
        values(&t),
        vec![20, 30, 40, 50, 60, 70, 80],
        "the tree is whole and ordered again"
    );
    expect_eq!(t.len(), 7, "the length is 7 again");
}

#[test]
fn negative_and_extreme_values() {
    let mut t = tree_of(&[0, i32::MIN, i32::MAX, -1, 1]);
    expect_eq!(
        values(&t),
        vec![i32::MIN, -1, 0, 1, i32::MAX],
        "ordered from i32::MIN to i32::MAX"
    );
    expect_eq!(t.min(), Some(&i32::MIN), "min is i32::MIN");
    expect_eq!(t.max(), Some(&i32::MAX), "max is i32::MAX");
    expect!(t.remove(&i32::MIN), "i32::MIN can be removed");
    expect!(t.remove(&0), "0 (two children) can be removed");
    expect_eq!(
        values(&t),
        vec![-1, 1, i32::MAX],
        "-1, 1 and i32::MAX remain"
    );
}

#[test]
fn works_with_strings() {
    let mut t = Bst::new();
    for w in ["pear", "apple", "fig", "quince", "banana"] {
        t.insert(w.to_string());
    }
    expect!(t.contains(&"fig".to_string()), "\"fig\" was inserted");
    expect!(!t.contains(&"kiwi".to_string()), "\"kiwi\" was not");
    expect!(
        t.remove(&"pear".to_string()),
        "\"pear\" (the root) is removed"
    );
    let words: Vec<&str> = t.iter().map(String::as_str).collect();
    expect_eq!(
        words,
        vec!["apple", "banana", "fig", "quince"],
        "strings come out in ascending order"
    );
    expect_eq!(
        t.min().map(String::as_str),
        Some("apple"),
        "min is \"apple\""
    );
    expect_eq!(
        t.max().map(String::as_str),
        Some("quince"),
        "max is \"quince\""
    );
}

#[test]
fn works_with_types_that_are_not_clone() {
    let mut t = Bst::new();
    for (k, tag) in [(5, "e"), (2, "b"), (8, "h"), (1, "a"), (3, "c"), (9, "i")] {
        t.insert(keyed(k, tag));
    }
    expect!(t.remove(&keyed(2, "")), "key 2 (two children) is removed");
    expect!(t.contains(&keyed(3, "")), "key 3 is still there");
    let tags: String = t.iter().map(|k| k.tag).collect();
    expect_eq!(tags, "acehi", "values without Clone come out in order");
    expect_eq!(t.min().map(|k| k.key), Some(1), "min has key 1");
    expect_eq!(t.max().map(|k| k.key), Some(9), "max has key 9");
}

#[test]
fn a_lopsided_tree_from_sorted_input() {
    let n = 2000;
    let mut t = Bst::new();
    for v in 0..n {
        t.insert(v);
    }
    expect_eq!(
        t.len(),
        n as usize,
        "2000 ascending inserts give 2000 values"
    );
    expect!(t.contains(&(n - 1)), "the deepest value is found");
    expect_eq!(t.max(), Some(&(n - 1)), "max is the last value inserted");
    expect_eq!(
        values(&t),
        (0..n).collect::<Vec<_>>(),
        "values come out in order"
    );
    for v in (0..n).step_by(2) {
        t.remove(&v);
    }
    expect_eq!(
        values(&t),
        (1..n).step_by(2).collect::<Vec<_>>(),
        "after removing the even values, the odd ones remain in order"
    );
    let mut d = Bst::new();
    for v in (0..n).rev() {
        d.insert(v);
    }
    expect_eq!(
        d.min(),
        Some(&0),
        "descending inserts: min is the last value inserted"
    );
    expect!(d.remove(&0), "the deepest value can be removed");
    expect_eq!(d.len(), n as usize - 1, "one value fewer");
}

#[test]
fn random_operations_match_an_ordered_set() {
    for (seed, range) in [(1u64, 16u64), (7, 64), (42, 512)] {
        let mut t = Bst::new();
        let mut model = BTreeSet::new();
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        for step in 0..6000 {
            let v = rng.below(range) as i32 - (range as i32) / 2;
            match rng.below(3) {
                0 => {
                    let got = t.insert(v);
                    if got != model.insert(v) {
                        expect_eq!(
                            got,
                            !got,
                            "step {}: insert({}) must return whether {} was new",
                            step,
                            v,
                            v
                        );
                    }
                }
                1 => {
                    let got = t.remove(&v);
                    if got != model.remove(&v) {
                        expect_eq!(
                            got,
                            !got,
                            "step {}: remove({}) must return whether {} was present",
                            step,
                            v,
                            v
                        );
                    }
                }
                _ => {
                    let got = t.contains(&v);
                    if got != model.contains(&v) {
                        expect_eq!(got, !got, "step {}: contains({}) is wrong", step, v);
                    }
                }
            }
            if step % 50 == 0 {
                let want: Vec<i32> = model.iter().copied().collect();
                expect_eq!(
                    values(&t),
                    want,
                    "step {}: iter must yield exactly the values held, ascending",
                    step
                );
                expect_eq!(
                    t.len(),
                    model.len(),
                    "step {}: len must count the values held",
                    step
                );
                expect_eq!(t.min(), model.first(), "step {}: min", step);
                expect_eq!(t.max(), model.last(), "step {}: max", step);
            }
        }
    }
}
