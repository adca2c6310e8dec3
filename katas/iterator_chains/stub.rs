//! Iterator chains: see the task statement (`kata hint iterator_chains` when stuck).

/// The sum of the squares of the even numbers in `values`.
pub fn sum_even_squares(values: &[i32]) -> u128 {
    let _ = values;
    todo!("filter the even values, square them, sum")
}

/// How many values are strictly greater than the value just before them.
pub fn count_increases(values: &[i32]) -> usize {
    let _ = values;
    todo!("count the neighbouring pairs that go up")
}

/// The sums of every run of `k` consecutive values, in order; empty when `k` is 0 or greater
/// than `values.len()`.
pub fn window_sums(values: &[i32], k: usize) -> Vec<i64> {
    let _ = (values, k);
    todo!("sum every window of k values, in linear time")
}

/// The sum of the numbers below `below` that are multiples of 3 or of 5.
pub fn sum_multiples_of_3_or_5(below: u32) -> u64 {
    let _ = below;
    todo!("filter a range and sum it")
}
