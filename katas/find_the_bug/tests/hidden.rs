use find_the_bug::binary_search;
use kata_assert::{expect, expect_eq};
use std::panic::catch_unwind;

/// Calls the learner's function, turning a panic into a failure that says what was searched.
fn search(items: &[i32], target: i32) -> Option<usize> {
    match catch_unwind(|| binary_search(items, target)) {
        Ok(result) => result,
        Err(_) => {
            let shown = if items.len() <= 12 {
                format!("{items:?}")
            } else {
                format!("a sorted slice of {} elements", items.len())
            };
            expect!(
                false,
                "binary_search({shown}, {target}) panicked; it must never panic on sorted input"
            );
            unreachable!()
        }
    }
}

/// Checks that `target` is found: the result must be the index of an element equal to `target`.
fn expect_found(items: &[i32], target: i32) {
    let result = search(items, target);
    let ok = matches!(result, Some(i) if i < items.len() && items[i] == target);
    expect!(
        ok,
        "binary_search({items:?}, {target}) returned {result:?}; {target} occurs in the slice, \
         so the result must be Some(i) with items[i] == {target}"
    );
}

fn expect_absent(items: &[i32], target: i32) {
    expect_eq!(
        search(items, target),
        None,
        "{} does not occur in {:?}, so binary_search returns None",
        target,
        items
    );
}

/// 10, 20, ..., 10 * len: distinct values with gaps between them.
fn tens(len: usize) -> Vec<i32> {
    (1..=len as i32).map(|i| i * 10).collect()
}

#[test]
fn reported_example_finds_the_middle() {
    expect_eq!(
        search(&[1, 3, 5, 7, 9], 5),
        Some(2),
        "5 is at index 2 of [1, 3, 5, 7, 9]"
    );
}

#[test]
fn empty_slice_gives_none() {
    for target in [0, 4, i32::MIN, i32::MAX] {
        expect_absent(&[], target);
    }
}

#[test]
fn single_element_is_found() {
    expect_eq!(search(&[5], 5), Some(0), "5 is at index 0 of [5]");
    expect_eq!(
        search(&[i32::MIN], i32::MIN),
        Some(0),
        "i32::MIN is at index 0 of [i32::MIN]"
    );
}

#[test]
fn single_element_absent_above() {
    expect_absent(&[5], 6);
    expect_absent(&[5], i32::MAX);
}

#[test]
fn single_element_absent_below() {
    expect_absent(&[5], 4);
    expect_absent(&[5], i32::MIN);
}

#[test]
fn last_element_is_found() {
    expect_eq!(
        search(&[1, 3, 5, 7, 9], 9),
        Some(4),
        "9 is the last element of [1, 3, 5, 7, 9], at index 4"
    );
    for len in 1..=20 {
        let items = tens(len);
        expect_eq!(
            search(&items, items[len - 1]),
            Some(len - 1),
            "the last element of {:?} is at index {}",
            items,
            len - 1
        );
    }
}

#[test]
fn first_element_is_found() {
    expect_eq!(
        search(&[1, 3, 5, 7, 9], 1),
        Some(0),
        "1 is the first element of [1, 3, 5, 7, 9], at index 0"
    );
    for len in 1..=20 {
        let items = tens(len);
        expect_eq!(
            search(&items, items[0]),
            Some(0),
            "the first element of {:?} is at index 0",
            items
        );
    }
}

#[test]
fn every_element_of_small_slices_is_found() {
    for len in 1..=33 {
        let items = tens(len);
        for (i, &x) in items.iter().enumerate() {
            expect_eq!(
                search(&items, x),
                Some(i),
                "{} is at index {} of {:?}",
                x,
                i,
                items
            );
        }
    }
}

#[test]
fn target_below_every_element_gives_none() {
    expect_absent(&[1, 3], 0);
    expect_absent(&[1, 3, 5, 7, 9], 0);
    for len in 1..=33 {
        expect_absent(&tens(len), 5);
        expect_absent(&tens(len), i32::MIN);
    }
}

#[test]
fn target_above_every_element_gives_none() {
    expect_absent(&[1, 3], 4);
    expect_absent(&[1, 3, 5, 7, 9], 10);
    for len in 1..=33 {
        expect_absent(&tens(len), len as i32 * 10 + 5);
        expect_absent(&tens(len), i32::MAX);
    }
}

#[test]
fn target_between_elements_gives_none() {
    expect_absent(&[1, 3, 5, 7, 9], 4);
    for len in 2..=33 {
        let items = tens(len);
        for gap in 1..len as i32 {
            expect_absent(&items, gap * 10 + 5);
        }
    }
}

#[test]
fn duplicates_give_the_index_of_an_equal_element() {
    expect_found(&[2, 2, 2], 2);
    expect_found(&[7; 10], 7);
    expect_found(&[1, 2, 2, 2, 2, 3], 2);
    expect_found(&[1, 1, 1, 2], 1);
    expect_found(&[1, 2, 2, 2], 2);
    expect_found(&[0, 0, 5, 5, 5, 5, 5, 9, 9], 9);
}

#[test]
fn duplicates_do_not_hide_absent_targets() {
    expect_absent(&[7; 10], 6);
    expect_absent(&[7; 10], 8);
    expect_absent(&[1, 1, 3, 3], 2);
    expect_absent(&[1, 1, 3, 3], 0);
    expect_absent(&[1, 1, 3, 3], 4);
}

#[test]
fn extreme_values_are_found_and_compared_exactly() {
    let items = [i32::MIN, i32::MIN + 1, -1, 0, 1, i32::MAX - 1, i32::MAX];
    for (i, &x) in items.iter().enumerate() {
        expect_eq!(
            search(&items, x),
            Some(i),
            "{} is at index {} of {:?}",
            x,
            i,
            items
        );
    }
    for target in [i32::MIN + 2, -2, 2, i32::MAX - 2] {
        expect_absent(&items, target);
    }
    expect_absent(&[i32::MIN, i32::MAX], 0);
}

#[test]
fn every_target_in_slices_with_duplicates() {
    // Every sorted slice of length 0..=6 over the values 0..=3, every target from -1 to 4.
    fn build(len: usize, min: i32, prefix: &mut Vec<i32>, out: &mut Vec<Vec<i32>>) {
        if prefix.len() == len {
            out.push(prefix.clone());
            return;
        }
        for v in min..=3 {
            prefix.push(v);
            build(len, v, prefix, out);
            prefix.pop();
        }
    }
    let mut slices = Vec::new();
    for len in 0..=6 {
        build(len, 0, &mut Vec::new(), &mut slices);
    }
    for items in &slices {
        for target in -1..=4 {
            if items.contains(&target) {
                expect_found(items, target);
            } else {
                expect_absent(items, target);
            }
        }
    }
}

#[test]
fn large_slice_is_searched_correctly() {
    let items: Vec<i32> = (0..1_000_000).map(|i| i * 2).collect();
    for target in [0, 2, 999_998, 1_000_000, 1_999_996, 1_999_998] {
        let result = search(&items, target);
        expect_eq!(
            result,
            Some(target as usize / 2),
            "in 0, 2, 4, ..., 1999998 the value {} is at index {}",
            target,
            target / 2
        );
    }
    for target in [-1, 1, 999_999, 1_999_997, 1_999_999, 2_000_000] {
        expect_absent(&items, target);
    }
}

#[test]
fn many_searches_in_a_large_slice_are_logarithmic() {
    let items: Vec<i32> = (0..1_000_000).map(|i| i * 2).collect();
    // A fixed-seed LCG spreads the targets over the whole range, half present (even), half absent.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut found = 0;
    for _ in 0..50_000 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let target = ((state >> 33) % 2_000_000) as i32;
        let result = binary_search(&items, target);
        let expected = if target % 2 == 0 {
            Some(target as usize / 2)
        } else {
            None
        };
        if result != expected {
            expect_eq!(
                result,
                expected,
                "searching 0, 2, 4, ..., 1999998 for {}",
                target
            );
        }
        found += usize::from(result.is_some());
    }
    expect!(
        found > 0,
        "some of the 50,000 searches must find their target"
    );
}
