use kata_assert::expect_eq;
use two_sum_pairs::find_pairs;

#[test]
fn seed_example_finds_the_one_pair() {
    expect_eq!(
        find_pairs(&[2, 7, 11, 15], 9),
        vec![(2, 7)],
        "2 + 7 = 9 is the only pair"
    );
}

#[test]
fn empty_input_has_no_pairs() {
    expect_eq!(find_pairs(&[], 0), vec![], "an empty slice has no pairs");
}

#[test]
fn single_element_never_pairs_with_itself() {
    expect_eq!(
        find_pairs(&[5], 10),
        vec![],
        "[5] with target 10: 5 must not pair with itself"
    );
    expect_eq!(
        find_pairs(&[0], 0),
        vec![],
        "[0] with target 0: 0 must not pair with itself"
    );
}

#[test]
fn equal_values_pair_when_both_occur() {
    expect_eq!(
        find_pairs(&[5, 5], 10),
        vec![(5, 5)],
        "two 5s make one pair for target 10"
    );
}

#[test]
fn pair_is_partner_first_then_current() {
    expect_eq!(
        find_pairs(&[7, 2], 9),
        vec![(7, 2)],
        "the pair is (target - b, b) where b is the later element"
    );
}

#[test]
fn pairs_follow_the_order_of_their_second_element() {
    expect_eq!(
        find_pairs(&[1, 5, 3, 3, 4], 6),
        vec![(1, 5), (3, 3)],
        "pairs appear as their second element is reached"
    );
    expect_eq!(
        find_pairs(&[4, 1, 2, 3, 0, 5], 5),
        vec![(4, 1), (2, 3), (0, 5)],
        "each b whose partner came earlier adds (target - b, b), in the order of b"
    );
}

#[test]
fn every_later_duplicate_gives_a_pair() {
    expect_eq!(
        find_pairs(&[3, 3, 3], 6),
        vec![(3, 3), (3, 3)],
        "the second and third 3 each find an earlier 3"
    );
    expect_eq!(
        find_pairs(&[1, 9, 9, 1], 10),
        vec![(1, 9), (1, 9), (9, 1)],
        "duplicates each make a pair when their partner occurred earlier"
    );
}

#[test]
fn partner_must_occur_earlier_not_later() {
    expect_eq!(
        find_pairs(&[10, 1, 2], 3),
        vec![(1, 2)],
        "2 pairs with the earlier 1; 1 finds no 2 before it"
    );
}

#[test]
fn negative_numbers_and_zero() {
    expect_eq!(
        find_pairs(&[-3, 0, 3, -1, 1], 0),
        vec![(-3, 3), (-1, 1)],
        "target 0 pairs each number with its negation"
    );
    expect_eq!(find_pairs(&[-5, -2], -7), vec![(-5, -2)], "-5 + -2 = -7");
}

#[test]
fn no_pairs_when_nothing_sums_to_target() {
    expect_eq!(
        find_pairs(&[1, 2, 4, 8], 100),
        vec![],
        "no two numbers sum to 100"
    );
}

#[test]
fn near_i32_min_does_not_overflow() {
    expect_eq!(
        find_pairs(&[1, 2, 3], i32::MIN),
        vec![],
        "target i32::MIN: the partners of positive numbers lie below i32::MIN, so no pairs (and no panic)"
    );
    expect_eq!(
        find_pairs(&[i32::MIN, 0], i32::MIN),
        vec![(i32::MIN, 0)],
        "i32::MIN + 0 = i32::MIN"
    );
}

#[test]
fn near_i32_max_does_not_overflow() {
    expect_eq!(
        find_pairs(&[-1, -2], i32::MAX),
        vec![],
        "target i32::MAX: the partners of negative numbers lie above i32::MAX"
    );
    expect_eq!(
        find_pairs(&[i32::MAX, 0, 1], i32::MAX),
        vec![(i32::MAX, 0)],
        "i32::MAX + 0 = i32::MAX; 1 has no partner"
    );
}

#[test]
fn wrapped_sums_are_not_pairs() {
    expect_eq!(
        find_pairs(&[i32::MAX, 1], i32::MIN),
        vec![],
        "i32::MAX + 1 is 2^31, not i32::MIN: wrap-around does not count"
    );
    expect_eq!(
        find_pairs(&[i32::MIN, -1], i32::MAX),
        vec![],
        "i32::MIN + (-1) is -2^31 - 1, not i32::MAX"
    );
}

#[test]
fn extreme_values_pair_exactly() {
    expect_eq!(
        find_pairs(&[i32::MIN, i32::MAX], -1),
        vec![(i32::MIN, i32::MAX)],
        "i32::MIN + i32::MAX = -1"
    );
}

#[test]
fn large_input_is_linear() {
    // 400,000 distinct values where only the last element has a partner: a quadratic scan
    // does about 8 * 10^10 comparisons.
    let n = 400_000;
    let mut nums: Vec<i32> = (0..n).map(|i| i * 2).collect();
    nums.push(1);
    let pairs = find_pairs(&nums, 2 * (n - 1) + 1);
    expect_eq!(
        pairs,
        vec![(2 * (n - 1), 1)],
        "only the final 1 has an earlier partner"
    );
}

#[test]
fn a_long_run_of_duplicates_pairs_every_later_one() {
    let nums = vec![7; 100_000];
    let pairs = find_pairs(&nums, 14);
    expect_eq!(
        pairs.len(),
        99_999,
        "every 7 after the first pairs with an earlier 7"
    );
    expect_eq!(pairs[0], (7, 7), "each pair is (7, 7)");
}

#[test]
fn large_falling_input_is_linear() {
    // 400,000 distinct values, largest first, where only the last element has a partner: keeping
    // the numbers seen so far in a sorted `Vec` inserts each one at the front, shifting the rest.
    let n = 400_000;
    let mut nums: Vec<i32> = (0..n).rev().map(|i| i * 2).collect();
    nums.push(-1);
    let pairs = find_pairs(&nums, 2 * (n - 1) - 1);
    expect_eq!(
        pairs,
        vec![(2 * (n - 1), -1)],
        "only the final -1 has an earlier partner"
    );
}
