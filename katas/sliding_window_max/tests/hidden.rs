use kata_assert::expect_eq;
use sliding_window_max::max_sliding_window;

/// The maximum of each window, computed the slow, obvious way (for small inputs only).
fn naive(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 || k > nums.len() {
        return Vec::new();
    }
    nums.windows(k).map(|w| *w.iter().max().unwrap()).collect()
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
fn seed_example() {
    expect_eq!(
        max_sliding_window(&[1, 3, -1, -3, 5, 3, 6, 7], 3),
        vec![3, 3, 5, 5, 6, 7],
        "maxima of the windows of 3 of [1, 3, -1, -3, 5, 3, 6, 7]"
    );
}

#[test]
fn k_zero_gives_an_empty_vec() {
    expect_eq!(
        max_sliding_window(&[1, 2, 3], 0),
        vec![],
        "k = 0 gives no windows"
    );
    expect_eq!(
        max_sliding_window(&[], 0),
        vec![],
        "k = 0 on an empty slice gives no windows"
    );
}

#[test]
fn k_larger_than_the_slice_gives_an_empty_vec() {
    expect_eq!(
        max_sliding_window(&[4, 2], 3),
        vec![],
        "k = 3 > 2 elements gives no windows"
    );
    expect_eq!(
        max_sliding_window(&[7], 2),
        vec![],
        "k = 2 > 1 element gives no windows"
    );
    expect_eq!(
        max_sliding_window(&[1, 2, 3], usize::MAX),
        vec![],
        "k = usize::MAX gives no windows (and must not overflow)"
    );
}

#[test]
fn empty_slice_gives_an_empty_vec() {
    expect_eq!(
        max_sliding_window(&[], 1),
        vec![],
        "an empty slice has no windows"
    );
    expect_eq!(
        max_sliding_window(&[], 5),
        vec![],
        "an empty slice has no windows"
    );
}

#[test]
fn k_equal_to_the_length_gives_the_overall_maximum() {
    expect_eq!(
        max_sliding_window(&[3, 9, 2, 7], 4),
        vec![9],
        "one window covering everything: its maximum is 9"
    );
    expect_eq!(
        max_sliding_window(&[5], 1),
        vec![5],
        "a single element and k = 1"
    );
}

#[test]
fn k_one_returns_every_element() {
    expect_eq!(
        max_sliding_window(&[4, -2, 0, 4, 1], 1),
        vec![4, -2, 0, 4, 1],
        "with k = 1 each element is its own window's maximum"
    );
}

#[test]
fn one_result_per_window_starting_with_the_first() {
    expect_eq!(
        max_sliding_window(&[9, 1, 1, 1, 1], 3),
        vec![9, 1, 1],
        "5 elements, k = 3: 3 windows, and the first one [9, 1, 1] has maximum 9"
    );
    expect_eq!(
        max_sliding_window(&[1, 2], 2),
        vec![2],
        "2 elements, k = 2: exactly one window"
    );
}

#[test]
fn maximum_leaves_the_window() {
    expect_eq!(
        max_sliding_window(&[9, 8, 7, 6, 5], 2),
        vec![9, 8, 7, 6],
        "decreasing values: each window's maximum is its first element"
    );
    expect_eq!(
        max_sliding_window(&[5, 1, 2, 3, 0], 3),
        vec![5, 3, 3],
        "once 5 leaves, the maximum becomes 3"
    );
}

#[test]
fn increasing_values() {
    expect_eq!(
        max_sliding_window(&[1, 2, 3, 4, 5], 2),
        vec![2, 3, 4, 5],
        "increasing values: each window's maximum is its last element"
    );
}

#[test]
fn repeated_maximum_stays_while_a_copy_remains() {
    expect_eq!(
        max_sliding_window(&[3, 3, 1], 2),
        vec![3, 3],
        "windows [3, 3] and [3, 1]: the second 3 is still in the second window"
    );
    expect_eq!(
        max_sliding_window(&[5, 1, 5, 1, 1], 3),
        vec![5, 5, 5],
        "the second 5 keeps the maximum at 5 after the first 5 leaves"
    );
    expect_eq!(
        max_sliding_window(&[4, 4, 4, 2, 2], 3),
        vec![4, 4, 4],
        "each window contains at least one 4"
    );
}

#[test]
fn all_equal_values() {
    expect_eq!(
        max_sliding_window(&[2, 2, 2, 2], 2),
        vec![2, 2, 2],
        "every window of [2, 2, 2, 2] has maximum 2"
    );
}

#[test]
fn all_negative_values() {
    expect_eq!(
        max_sliding_window(&[-5, -3, -8, -1, -9], 2),
        vec![-3, -3, -1, -1],
        "negative values: the maximum is the value closest to zero, never 0 itself"
    );
}

#[test]
fn extreme_values() {
    expect_eq!(
        max_sliding_window(&[i32::MIN, i32::MIN, i32::MAX, i32::MIN], 2),
        vec![i32::MIN, i32::MAX, i32::MAX],
        "i32::MIN and i32::MAX are ordinary values"
    );
    expect_eq!(
        max_sliding_window(&[i32::MIN, i32::MIN, i32::MIN], 1),
        vec![i32::MIN, i32::MIN, i32::MIN],
        "a window of only i32::MIN has maximum i32::MIN"
    );
}

#[test]
fn random_inputs_match_the_definition() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for case in 0..400 {
        let n = rng.below(40) as usize;
        let spread = [3, 10, 1000][case % 3];
        let nums: Vec<i32> = (0..n)
            .map(|_| rng.below(spread) as i32 - (spread as i32) / 2)
            .collect();
        for k in 0..=n + 1 {
            let want = naive(&nums, k);
            let got = max_sliding_window(&nums, k);
            if got != want {
                expect_eq!(got, want, "maxima of the windows of {} of {:?}", k, nums);
            }
        }
    }
}

#[test]
fn large_decreasing_input_is_linear() {
    // Strictly decreasing, so every window's maximum is its first element, which leaves the
    // window at the next step: rescanning a window costs k = 200,000 steps, 200,001 times.
    let n: usize = 400_000;
    let k: usize = 200_000;
    let nums: Vec<i32> = (0..n).map(|i| (n - i) as i32).collect();
    let got = max_sliding_window(&nums, k);
    expect_eq!(
        got.len(),
        n - k + 1,
        "400,000 elements and k = 200,000 give 200,001 windows"
    );
    if got[..] != nums[..n - k + 1] {
        let i = (0..got.len()).find(|&i| got[i] != nums[i]).unwrap_or(0);
        expect_eq!(
            got[i],
            nums[i],
            "window {} of a decreasing slice has its first element as maximum",
            i
        );
    }
}

#[test]
fn large_random_input() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let n = 100_000;
    let nums: Vec<i32> = (0..n).map(|_| rng.next() as i32).collect();
    for k in [1, 2, 17, 1000] {
        let got = max_sliding_window(&nums, k);
        let want = naive(&nums, k);
        expect_eq!(
            got.len(),
            want.len(),
            "100,000 elements and k = {} give {} windows",
            k,
            want.len()
        );
        if got != want {
            let i = (0..want.len()).find(|&i| got[i] != want[i]).unwrap_or(0);
            expect_eq!(got[i], want[i], "k = {}: wrong maximum for window {}", k, i);
        }
    }
}
