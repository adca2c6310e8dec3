use feature_flags::{check_ascending, SortedList};
use kata_assert::{expect, expect_eq};
use std::panic;

const CHECKS_ON: bool = cfg!(feature = "debug-checks");

fn build_name() -> &'static str {
    if CHECKS_ON {
        "with the debug-checks feature"
    } else {
        "without the debug-checks feature"
    }
}

/// Calls `from_sorted` and returns the list, or the panic message if it panicked.
fn try_from_sorted(values: Vec<i32>) -> Result<Vec<i32>, String> {
    let outcome = panic::catch_unwind(move || SortedList::from_sorted(values).as_slice().to_vec());
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

/// What `from_sorted` must do with values that are NOT ascending, in this build.
fn expect_unsorted_handled(values: Vec<i32>, bad_index: usize) {
    let outcome = try_from_sorted(values.clone());
    let wanted = format!("values are not in ascending order at index {bad_index}");
    if CHECKS_ON {
        match outcome {
            Ok(list) => expect!(
                false,
                "with debug-checks, from_sorted({values:?}) must panic (the values are not ascending); it returned a list {list:?}"
            ),
            Err(message) => expect!(
                message.contains(&wanted),
                "with debug-checks, from_sorted({values:?}) panics with a message containing {wanted:?}; the message was {message:?}"
            ),
        }
    } else {
        match outcome {
            Ok(list) => expect_eq!(
                list,
                values,
                "without debug-checks, from_sorted trusts the caller and stores the values exactly as given"
            ),
            Err(message) => expect!(
                false,
                "without the debug-checks feature, from_sorted({values:?}) must not check anything (no panic); it panicked with {message:?}"
            ),
        }
    }
}

#[test]
fn new_list_is_empty() {
    let list = SortedList::new();
    expect_eq!(list.as_slice(), &[] as &[i32], "a new list has no values");
    expect!(!list.contains(0), "a new list contains nothing");
}

#[test]
fn insert_keeps_values_ascending() {
    let mut list = SortedList::new();
    for value in [5, 1, 3, 1, 9, -2, 3] {
        list.insert(value);
    }
    expect_eq!(
        list.as_slice(),
        &[-2, 1, 1, 3, 3, 5, 9][..],
        "after inserting 5, 1, 3, 1, 9, -2, 3 the list is ascending, duplicates kept"
    );
}

#[test]
fn insert_handles_extreme_values() {
    let mut list = SortedList::new();
    for value in [0, i32::MAX, i32::MIN, i32::MAX, i32::MIN] {
        list.insert(value);
    }
    expect_eq!(
        list.as_slice(),
        &[i32::MIN, i32::MIN, 0, i32::MAX, i32::MAX][..],
        "i32::MIN and i32::MAX sort to the ends"
    );
}

#[test]
fn contains_finds_only_values_in_the_list() {
    let mut list = SortedList::new();
    for value in [10, 20, 30, 20] {
        list.insert(value);
    }
    for value in [10, 20, 30] {
        expect!(
            list.contains(value),
            "{value} was inserted, so contains({value}) is true"
        );
    }
    for value in [0, 15, 25, 31, i32::MIN, i32::MAX] {
        expect!(
            !list.contains(value),
            "{value} was never inserted, so contains({value}) is false"
        );
    }
}

#[test]
fn from_sorted_keeps_ascending_values_as_given() {
    let outcome = try_from_sorted(vec![-4, 1, 2, 2, 7]);
    expect_eq!(
        outcome,
        Ok(vec![-4, 1, 2, 2, 7]),
        "{}: ascending values are accepted and kept as given",
        build_name()
    );
    let list = SortedList::from_sorted(vec![-4, 1, 2, 2, 7]);
    expect!(
        list.contains(2) && list.contains(-4),
        "the list contains the values it was built from"
    );
    expect!(!list.contains(3), "the list contains no other values");
}

#[test]
fn from_sorted_accepts_empty_single_and_equal_values() {
    for values in [vec![], vec![42], vec![3, 3, 3], vec![i32::MIN, i32::MAX]] {
        expect_eq!(
            try_from_sorted(values.clone()),
            Ok(values.clone()),
            "{}: {:?} is ascending (equal neighbours are fine), so from_sorted accepts it",
            build_name(),
            values
        );
    }
}

#[test]
fn insert_after_from_sorted_keeps_order() {
    let mut list = SortedList::from_sorted(vec![1, 4, 4, 9]);
    list.insert(5);
    list.insert(0);
    list.insert(10);
    expect_eq!(
        list.as_slice(),
        &[0, 1, 4, 4, 5, 9, 10][..],
        "inserting 5, 0 and 10 into [1, 4, 4, 9] keeps the list ascending"
    );
}

#[test]
fn unsorted_input_is_checked_only_with_debug_checks() {
    expect_unsorted_handled(vec![1, 3, 2], 2);
}

#[test]
fn unsorted_input_reports_the_first_bad_index() {
    expect_unsorted_handled(vec![5, 4, 3], 1);
    expect_unsorted_handled(vec![1, 2, 3, 0], 3);
    expect_unsorted_handled(vec![2, 2, 1, 0], 2);
    expect_unsorted_handled(vec![i32::MAX, i32::MIN], 1);
}

#[test]
fn check_ascending_accepts_never_decreasing_values() {
    expect_eq!(check_ascending(&[]), Ok(()), "an empty slice is ascending");
    expect_eq!(check_ascending(&[7]), Ok(()), "one value is ascending");
    expect_eq!(
        check_ascending(&[1, 1, 2, 2]),
        Ok(()),
        "equal neighbours are fine"
    );
    expect_eq!(
        check_ascending(&[i32::MIN, -1, 0, i32::MAX]),
        Ok(()),
        "strictly increasing values are ascending"
    );
}

#[test]
fn check_ascending_reports_the_first_smaller_value() {
    expect_eq!(
        check_ascending(&[1, 3, 2]),
        Err(2),
        "[1, 3, 2]: 2 at index 2 is smaller than 3 before it"
    );
    expect_eq!(
        check_ascending(&[2, 1]),
        Err(1),
        "[2, 1]: the bad index is that of the smaller value, 1"
    );
    expect_eq!(
        check_ascending(&[0, 5, 4, 3, 2]),
        Err(2),
        "[0, 5, 4, 3, 2]: the first decrease is at index 2"
    );
    expect_eq!(
        check_ascending(&[1, 1, 0]),
        Err(2),
        "[1, 1, 0]: 0 at index 2 is smaller than 1"
    );
}
