//! Squares via `v.abs()`, which overflows (a panic with overflow checks on) for `i32::MIN`.

pub fn sum_even_squares(values: &[i32]) -> u128 {
    values
        .iter()
        .filter(|v| v.rem_euclid(2) == 0)
        .map(|&v| {
            let a = i64::from(v.abs());
            (a * a) as u128
        })
        .sum()
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

fn multiples_below(m: u64, below: u64) -> u64 {
    // m + 2m + ... + cm with c = (below - 1) / m, for below >= 1.
    let c = below.saturating_sub(1) / m;
    m * c * (c + 1) / 2
}

pub fn sum_multiples_of_3_or_5(below: u32) -> u64 {
    let below = u64::from(below);
    multiples_below(3, below) + multiples_below(5, below) - multiples_below(15, below)
}
