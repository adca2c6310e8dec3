use kata_assert::{expect, expect_eq};
use std::panic::{catch_unwind, AssertUnwindSafe};
use unsafe_split_at_mut::split_at_mut;

/// Whether `split_at_mut(slice, mid)` panics (it must not return halves).
fn panics<T>(slice: &mut [T], mid: usize) -> bool {
    catch_unwind(AssertUnwindSafe(|| {
        let _ = split_at_mut(slice, mid);
    }))
    .is_err()
}

/// Fails unless `right` begins exactly where `left` ends. Tests call this before writing through
/// the halves, so that overlapping halves fail cleanly instead of corrupting memory.
fn expect_adjacent<T>(left: &[T], right: &[T], what: &str) {
    expect!(
        left.as_ptr_range().end == right.as_ptr(),
        "{what}: the second half must begin exactly where the first ends (no overlap, no gap)"
    );
}

#[test]
fn splits_into_prefix_and_suffix() {
    let mut v = [1, 2, 3, 4, 5];
    let (left, right) = split_at_mut(&mut v, 2);
    expect_eq!(left.len(), 2, "the first half has `mid` = 2 elements");
    expect_eq!(right.len(), 3, "the second half has len - mid = 3 elements");
    expect_eq!(left, &mut [1, 2][..], "the first half is slice[..2]");
    expect_eq!(right, &mut [3, 4, 5][..], "the second half is slice[2..]");
}

#[test]
fn every_mid_from_zero_to_len() {
    let original: Vec<i32> = (10..17).collect();
    for mid in 0..=original.len() {
        let mut v = original.clone();
        let (left, right) = split_at_mut(&mut v, mid);
        expect_eq!(
            left.len(),
            mid,
            "split at {mid}: the first half has {mid} elements"
        );
        expect_eq!(
            right.len(),
            original.len() - mid,
            "split at {mid}: the second half has the other {} elements",
            original.len() - mid
        );
        expect_eq!(
            left.to_vec(),
            original[..mid].to_vec(),
            "split at {mid}: the first half is slice[..{mid}]"
        );
        expect_eq!(
            right.to_vec(),
            original[mid..].to_vec(),
            "split at {mid}: the second half is slice[{mid}..]"
        );
    }
}

#[test]
fn mid_zero_gives_an_empty_first_half() {
    let mut v = [7, 8, 9];
    let (left, right) = split_at_mut(&mut v, 0);
    expect_eq!(left.len(), 0, "split at 0: the first half is empty");
    expect_eq!(
        right,
        &mut [7, 8, 9][..],
        "split at 0: the second half is the whole slice"
    );
}

#[test]
fn mid_equal_to_len_gives_an_empty_second_half() {
    let mut v = [7, 8, 9];
    let (left, right) = split_at_mut(&mut v, 3);
    expect_eq!(
        left,
        &mut [7, 8, 9][..],
        "split at len: the first half is the whole slice"
    );
    expect_eq!(right.len(), 0, "split at len: the second half is empty");
}

#[test]
fn empty_slice_splits_at_zero() {
    let mut v: [u8; 0] = [];
    let (left, right) = split_at_mut(&mut v, 0);
    expect_eq!(
        (left.len(), right.len()),
        (0, 0),
        "an empty slice split at 0 gives two empty halves"
    );
}

#[test]
fn single_element_splits_at_zero_and_one() {
    let mut v = [42];
    let (left, right) = split_at_mut(&mut v, 0);
    expect_eq!(
        (left.len(), right.to_vec()),
        (0, vec![42]),
        "[42] split at 0"
    );
    let (left, right) = split_at_mut(&mut v, 1);
    expect_eq!(
        (left.to_vec(), right.len()),
        (vec![42], 0),
        "[42] split at 1"
    );
}

#[test]
fn halves_are_views_of_the_original_memory() {
    let mut v = [1u64, 2, 3, 4, 5, 6];
    let base = v.as_mut_ptr();
    for mid in 0..=v.len() {
        let (left, right) = split_at_mut(&mut v, mid);
        expect!(
            left.as_mut_ptr() == base,
            "split at {mid}: the first half must start where the slice starts (not be a copy)"
        );
        expect!(
            right.as_mut_ptr() == base.wrapping_add(mid),
            "split at {mid}: the second half must start at element {mid} of the slice"
        );
    }
}

#[test]
fn halves_are_adjacent_and_do_not_overlap() {
    let mut v = [0u32; 8];
    for mid in 0..=8 {
        let (left, right) = split_at_mut(&mut v, mid);
        let left_range = left.as_ptr_range();
        let right_range = right.as_ptr_range();
        expect!(
            left_range.end == right_range.start,
            "split at {mid}: the second half must begin exactly where the first ends (no overlap, no gap)"
        );
    }
}

#[test]
fn writes_through_both_halves_reach_the_original() {
    let mut v = [1, 2, 3, 4, 5];
    {
        let (left, right) = split_at_mut(&mut v, 2);
        expect_adjacent(left, right, "[1, 2, 3, 4, 5] split at 2");
        left[0] = 10;
        right[0] = 30;
        left[1] += 100;
        right[2] *= 2;
    }
    expect_eq!(
        v,
        [10, 102, 30, 4, 10],
        "writes through both halves change the original slice"
    );
}

#[test]
fn both_halves_are_usable_at_the_same_time() {
    let mut v = [1, 2, 3, 4, 5, 6];
    {
        let (left, right) = split_at_mut(&mut v, 3);
        expect_adjacent(left, right, "[1, 2, 3, 4, 5, 6] split at 3");
        for (a, b) in left.iter_mut().zip(right.iter_mut()) {
            std::mem::swap(a, b);
        }
    }
    expect_eq!(
        v,
        [4, 5, 6, 1, 2, 3],
        "swapping element-wise between the halves swaps the two halves"
    );
}

#[test]
fn works_with_non_copy_elements() {
    let mut v: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
    {
        let (left, right) = split_at_mut(&mut v, 1);
        expect_eq!(
            left.to_vec(),
            vec!["a".to_string()],
            "Strings: the first half is [\"a\"]"
        );
        expect_eq!(right.len(), 3, "Strings: the second half has 3 elements");
        expect_eq!(right[0], "b", "Strings: the second half starts with \"b\"");
        expect_adjacent(left, right, "four Strings split at 1");
        left[0].push('!');
        right[2].push_str("??");
        std::mem::swap(&mut left[0], &mut right[0]);
    }
    expect_eq!(
        v,
        vec!["b", "a!", "c", "d??"],
        "Strings are changed and swapped in place through the halves"
    );
}

#[test]
fn works_with_large_elements() {
    let mut v = [[1u64; 4], [2; 4], [3; 4]];
    let (left, right) = split_at_mut(&mut v, 1);
    expect_adjacent(left, right, "three 32-byte elements split at 1");
    expect_eq!(
        left.to_vec(),
        vec![[1u64; 4]],
        "32-byte elements: the first half is the first element"
    );
    expect_eq!(
        right.to_vec(),
        vec![[2u64; 4], [3; 4]],
        "the second half starts one element (32 bytes) in"
    );
    right[1][3] = 9;
    expect_eq!(
        v[2],
        [3, 3, 3, 9],
        "a write through the second half lands in the third element"
    );
}

#[test]
fn works_with_zero_sized_elements() {
    let mut v = [(); 5];
    let (left, right) = split_at_mut(&mut v, 2);
    expect_eq!(
        (left.len(), right.len()),
        (2, 3),
        "five `()` split at 2: lengths 2 and 3"
    );
    let (left, right) = split_at_mut(&mut v, 5);
    expect_eq!(
        (left.len(), right.len()),
        (5, 0),
        "five `()` split at 5: lengths 5 and 0"
    );
}

#[test]
fn repeated_splits_cut_a_slice_into_chunks() {
    let mut v = [0u8; 10];
    let mut rest: &mut [u8] = &mut v;
    let mut chunk = 1;
    while !rest.is_empty() {
        let take = rest.len().min(3);
        let (head, tail) = split_at_mut(rest, take);
        expect_adjacent(head, tail, "splitting off a chunk");
        for x in head.iter_mut() {
            *x = chunk;
        }
        rest = tail;
        chunk += 1;
    }
    expect_eq!(
        v,
        [1, 1, 1, 2, 2, 2, 3, 3, 3, 4],
        "splitting off 3 elements at a time and filling each chunk with its number"
    );
}

#[test]
fn halves_can_be_split_again() {
    let mut v = [1, 2, 3, 4, 5, 6, 7, 8];
    {
        let (left, right) = split_at_mut(&mut v, 4);
        expect_adjacent(left, right, "eight numbers split at 4");
        let (a, b) = split_at_mut(left, 1);
        expect_adjacent(a, b, "the first half split again at 1");
        let (c, d) = split_at_mut(right, 3);
        expect_adjacent(c, d, "the second half split again at 3");
        a[0] = b[2] + c[0];
        d[0] = -1;
        b[0] = c[2];
    }
    expect_eq!(
        v,
        [9, 7, 3, 4, 5, 6, 7, -1],
        "halves of halves write to the right places"
    );
}

#[test]
fn mid_one_past_the_end_panics() {
    let mut v = [1, 2, 3];
    expect!(
        panics(&mut v, 4),
        "splitting a slice of length 3 at 4 must panic (mid > len)"
    );
    expect_eq!(v, [1, 2, 3], "a panicking split leaves the slice unchanged");
}

#[test]
fn empty_slice_at_one_panics() {
    let mut v: [i32; 0] = [];
    expect!(
        panics(&mut v, 1),
        "splitting an empty slice at 1 must panic (mid > len)"
    );
}

#[test]
fn huge_mid_panics() {
    let mut v = [1, 2, 3];
    expect!(
        panics(&mut v, usize::MAX),
        "splitting at usize::MAX must panic, not wrap around"
    );
    expect!(
        panics(&mut v, 1000),
        "splitting a slice of length 3 at 1000 must panic"
    );
}

#[test]
fn mid_past_the_end_panics_for_zero_sized_elements() {
    let mut v = [(); 3];
    expect!(
        panics(&mut v, 4),
        "splitting three `()` at 4 must panic (mid > len)"
    );
}

#[test]
fn mid_equal_to_len_does_not_panic() {
    let mut v = [1, 2, 3];
    expect!(
        !panics(&mut v, 3),
        "splitting at mid == len is allowed: the second half is empty"
    );
    let mut empty: [i32; 0] = [];
    expect!(
        !panics(&mut empty, 0),
        "splitting an empty slice at 0 is allowed"
    );
}
