//! Sums the multiples with the arithmetic-series formula from `below - 1`, which underflows (a
//! panic with overflow checks on) when `below` is 0.

pub fn sum_even_squares(values: &[i32]) -> u128 {
    values
        .iter()
        .filter(|v| v.rem_euclid(2) == 0)
        .fold(0u128, |acc, &v| {
            let v = i128::from(v);
            acc + (v * v) as u128
        })
}

pub fn count_increases(values: &[i32]) -> usize {
    values
        .iter()
        .zip(values.iter().skip(1))
        .filter(|(before, after)| after > before)
        .count()
}

pub fn window_sums(values: &[i32], k: usize) -> Vec<i64> {
    if k == 0 {
        return Vec::new();
    }
    let prefix: Vec<i64> = std::iter::once(0)
        .chain(values.iter().scan(0i64, |run, &v| {
            *run += i64::from(v);
            Some(*run)
        }))
        .collect();
    prefix
        .iter()
        .zip(prefix.iter().skip(k))
        .map(|(start, end)| end - start)
        .collect()
}

fn multiples_up_to(m: u64, last: u64) -> u64 {
    let c = last / m;
    m * c * (c + 1) / 2
}

pub fn sum_multiples_of_3_or_5(below: u32) -> u64 {
    let last = u64::from(below - 1);
    multiples_up_to(3, last) + multiples_up_to(5, last) - multiples_up_to(15, last)
}
