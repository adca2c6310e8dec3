use iterator_chains::{count_increases, sum_even_squares, sum_multiples_of_3_or_5, window_sums};
use kata_assert::{expect, expect_eq};

/// A small deterministic pseudo-random generator (xorshift64).
struct XorShift(u64);

impl XorShift {
    fn next_i32(&mut self) -> i32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 32) as u32 as i32
    }
}

fn random_values(n: usize, seed: u64) -> Vec<i32> {
    let mut rng = XorShift(seed);
    (0..n).map(|_| rng.next_i32()).collect()
}

/// Window sums computed the obvious way, for small inputs.
fn brute_window_sums(values: &[i32], k: usize) -> Vec<i64> {
    if k == 0 || k > values.len() {
        return Vec::new();
    }
    (0..=values.len() - k)
        .map(|start| values[start..start + k].iter().map(|&v| v as i64).sum())
        .collect()
}

/// Window sums from prefix sums, for large inputs.
fn prefix_window_sums(values: &[i32], k: usize) -> Vec<i64> {
    let mut prefix = vec![0i64];
    for &v in values {
        prefix.push(prefix.last().unwrap() + v as i64);
    }
    (k..prefix.len())
        .map(|end| prefix[end] - prefix[end - k])
        .collect()
}

/// Sum of the multiples of `m` in `1..below`.
fn multiples_of(m: u64, below: u64) -> u64 {
    let count = below.saturating_sub(1) / m;
    m * count * (count + 1) / 2
}

fn expected_multiples(below: u32) -> u64 {
    let below = below as u64;
    multiples_of(3, below) + multiples_of(5, below) - multiples_of(15, below)
}

#[test]
fn sum_even_squares_of_the_example() {
    expect_eq!(
        sum_even_squares(&[1, 2, 3, 4, -6]),
        56,
        "2² + 4² + (-6)² = 4 + 16 + 36"
    );
}

#[test]
fn sum_even_squares_counts_negative_evens() {
    expect_eq!(
        sum_even_squares(&[-2, -3, -4]),
        20,
        "-2 and -4 are even: 4 + 16; -3 is odd"
    );
}

#[test]
fn sum_even_squares_skips_odd_numbers() {
    expect_eq!(
        sum_even_squares(&[1, 3, -5, 7]),
        0,
        "no even numbers: the sum is 0"
    );
}

#[test]
fn sum_even_squares_of_nothing_is_zero() {
    expect_eq!(sum_even_squares(&[]), 0, "an empty slice gives 0");
    expect_eq!(sum_even_squares(&[0]), 0, "0 is even and 0² = 0");
}

#[test]
fn sum_even_squares_does_not_overflow() {
    expect_eq!(
        sum_even_squares(&[i32::MIN]),
        1u128 << 62,
        "i32::MIN² = 2^62, exactly"
    );
    expect_eq!(
        sum_even_squares(&[i32::MAX - 1]),
        (i32::MAX as u128 - 1).pow(2),
        "(i32::MAX - 1)² is exact"
    );
    expect_eq!(
        sum_even_squares(&[i32::MIN; 8]),
        1u128 << 65,
        "8 × i32::MIN² = 2^65: the sum is exact, beyond u64"
    );
    expect_eq!(
        sum_even_squares(&[i32::MAX, i32::MIN, i32::MAX - 1]),
        (1u128 << 62) + (i32::MAX as u128 - 1).pow(2),
        "i32::MAX is odd; the two even extremes are summed exactly"
    );
}

#[test]
fn count_increases_of_the_example() {
    expect_eq!(
        count_increases(&[1, 3, 3, 2, 5]),
        2,
        "1→3 and 2→5 go up; 3→3 and 3→2 do not"
    );
}

#[test]
fn count_increases_ignores_equal_neighbours() {
    expect_eq!(
        count_increases(&[4, 4, 4]),
        0,
        "equal neighbours are not an increase"
    );
}

#[test]
fn first_value_is_never_an_increase() {
    expect_eq!(
        count_increases(&[5, 3]),
        0,
        "the first value has nothing before it; 5→3 goes down"
    );
    expect_eq!(
        count_increases(&[-7]),
        0,
        "a single value has nothing before it"
    );
}

#[test]
fn count_increases_of_short_input_is_zero() {
    expect_eq!(count_increases(&[]), 0, "an empty slice has no increases");
    expect_eq!(
        count_increases(&[i32::MIN]),
        0,
        "a single value has no increases"
    );
}

#[test]
fn count_increases_of_a_rising_run() {
    let values: Vec<i32> = (-50..50).collect();
    expect_eq!(
        count_increases(&values),
        99,
        "100 rising values have 99 increases"
    );
}

#[test]
fn count_increases_at_the_extremes() {
    expect_eq!(
        count_increases(&[i32::MIN, i32::MAX, i32::MIN]),
        1,
        "i32::MIN→i32::MAX is an increase (without overflow); i32::MAX→i32::MIN is not"
    );
}

#[test]
fn count_increases_matches_a_plain_count() {
    let values = random_values(10_000, 7);
    let expected = (1..values.len())
        .filter(|&i| values[i] > values[i - 1])
        .count();
    expect_eq!(
        count_increases(&values),
        expected,
        "count of i with values[i] > values[i - 1]"
    );
}

#[test]
fn window_sums_of_the_example() {
    expect_eq!(
        window_sums(&[1, 2, 3, 4], 2),
        vec![3, 5, 7],
        "windows [1,2], [2,3], [3,4]"
    );
    expect_eq!(
        window_sums(&[1, 2, 3, 4], 3),
        vec![6, 9],
        "windows [1,2,3], [2,3,4]"
    );
}

#[test]
fn window_of_one_is_each_value() {
    expect_eq!(
        window_sums(&[5, -1, 0], 1),
        vec![5, -1, 0],
        "windows of 1 are the values themselves"
    );
}

#[test]
fn window_of_the_whole_slice_is_one_sum() {
    expect_eq!(
        window_sums(&[1, 2, 3, 4], 4),
        vec![10],
        "k == len: one window, the whole slice"
    );
}

#[test]
fn window_of_zero_is_empty() {
    expect_eq!(
        window_sums(&[1, 2, 3], 0),
        vec![],
        "k == 0 gives an empty Vec"
    );
    expect_eq!(window_sums(&[], 0), vec![], "k == 0 gives an empty Vec");
}

#[test]
fn window_longer_than_the_slice_is_empty() {
    expect_eq!(
        window_sums(&[1, 2, 3], 4),
        vec![],
        "k > len gives an empty Vec"
    );
    expect_eq!(window_sums(&[], 1), vec![], "an empty slice has no windows");
}

#[test]
fn window_sums_with_negative_values() {
    expect_eq!(
        window_sums(&[-3, 1, -2, 5], 2),
        vec![-2, -1, 3],
        "sums of neighbouring pairs"
    );
}

#[test]
fn window_sums_do_not_overflow() {
    let max = i32::MAX as i64;
    let min = i32::MIN as i64;
    expect_eq!(
        window_sums(&[i32::MAX; 5], 3),
        vec![3 * max; 3],
        "three i32::MAX add up to 3 × i32::MAX exactly"
    );
    expect_eq!(
        window_sums(&[i32::MIN; 4], 4),
        vec![4 * min],
        "four i32::MIN add up to 4 × i32::MIN exactly"
    );
    expect_eq!(
        window_sums(&[i32::MAX, i32::MAX, i32::MIN, i32::MIN, i32::MAX], 2),
        vec![2 * max, max + min, 2 * min, min + max],
        "pairs of extremes are summed exactly"
    );
}

#[test]
fn window_sums_match_every_k_on_small_input() {
    let values = random_values(40, 11);
    for k in 0..=41 {
        expect_eq!(
            window_sums(&values, k),
            brute_window_sums(&values, k),
            "window sums of 40 values with k = {}",
            k
        );
    }
}

#[test]
fn window_sums_is_linear_in_the_input() {
    // 300,000 values and k = 150,000: re-adding each window costs 2.25 × 10^10 additions.
    let values = random_values(300_000, 2024);
    let k = 150_000;
    let sums = window_sums(&values, k);
    let expected = prefix_window_sums(&values, k);
    expect_eq!(
        sums.len(),
        expected.len(),
        "300,000 values with k = 150,000 have 150,001 windows"
    );
    let mismatch = (0..sums.len()).find(|&i| sums[i] != expected[i]);
    expect!(
        mismatch.is_none(),
        "window {} sums to {}, expected {}",
        mismatch.unwrap_or(0),
        mismatch.map_or(0, |i| sums[i]),
        mismatch.map_or(0, |i| expected[i])
    );
}

#[test]
fn sum_multiples_of_the_example() {
    expect_eq!(sum_multiples_of_3_or_5(10), 23, "3 + 5 + 6 + 9 = 23");
}

#[test]
fn sum_multiples_excludes_the_bound() {
    expect_eq!(
        sum_multiples_of_3_or_5(3),
        0,
        "below 3: nothing (3 itself is not included)"
    );
    expect_eq!(sum_multiples_of_3_or_5(4), 3, "below 4: only 3");
    expect_eq!(
        sum_multiples_of_3_or_5(6),
        8,
        "below 6: 3 + 5 (6 is not included)"
    );
    expect_eq!(
        sum_multiples_of_3_or_5(15),
        45,
        "below 15: 3+5+6+9+10+12 (15 is not included)"
    );
}

#[test]
fn sum_multiples_counts_common_multiples_once() {
    expect_eq!(
        sum_multiples_of_3_or_5(16),
        60,
        "below 16: 3+5+6+9+10+12+15, with 15 counted once"
    );
    expect_eq!(
        sum_multiples_of_3_or_5(31),
        expected_multiples(31),
        "15 and 30 are counted once"
    );
}

#[test]
fn sum_multiples_of_tiny_bounds_is_zero() {
    expect_eq!(sum_multiples_of_3_or_5(0), 0, "below 0: no numbers");
    expect_eq!(sum_multiples_of_3_or_5(1), 0, "below 1: no numbers");
}

#[test]
fn sum_multiples_below_1000() {
    expect_eq!(
        sum_multiples_of_3_or_5(1000),
        233_168,
        "the classic answer below 1000"
    );
}

#[test]
fn sum_multiples_does_not_overflow() {
    expect_eq!(
        sum_multiples_of_3_or_5(1_000_000),
        233_333_166_668,
        "below 1,000,000 the sum is 233,333,166,668, far beyond u32::MAX"
    );
}
