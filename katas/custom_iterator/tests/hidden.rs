use custom_iterator::{even_fibonacci_sum, Counter, Fibonacci};
use kata_assert::{expect, expect_eq};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// F(0) ..= F(93): every Fibonacci number that fits in a u64.
fn fibonacci_numbers() -> Vec<u64> {
    let mut f: Vec<u64> = vec![0, 1];
    while let Some(next) = f[f.len() - 1].checked_add(f[f.len() - 2]) {
        f.push(next);
    }
    f
}

/// Calls `next` up to `max` times, stopping at the first `None`; a panic fails the test with a
/// message naming `what`.
fn take_up_to<I: Iterator>(iter: &mut I, max: usize, what: &str) -> Vec<I::Item> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut items = Vec::new();
        while items.len() < max {
            match iter.next() {
                Some(item) => items.push(item),
                None => break,
            }
        }
        items
    }));
    expect!(
        result.is_ok(),
        "{what}: `next` must return None at the end, not panic"
    );
    result.unwrap()
}

/// Calls `next` `times` more times; each must return `None` (and not panic).
fn expect_finished<I: Iterator>(iter: &mut I, times: usize, what: &str)
where
    I::Item: std::fmt::Debug,
{
    for call in 1..=times {
        let result = catch_unwind(AssertUnwindSafe(|| iter.next()));
        expect!(
            result.is_ok(),
            "{what}: `next` after the end must return None, not panic"
        );
        let item = result.unwrap();
        expect!(
            item.is_none(),
            "{what}: once finished, `next` keeps returning None, but call {call} after the end returned {item:?}"
        );
    }
}

#[test]
fn counter_counts_from_start_to_end_inclusive() {
    expect_eq!(
        Counter::new(1, 5).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5],
        "Counter::new(1, 5)"
    );
    expect_eq!(
        Counter::new(7, 10).collect::<Vec<_>>(),
        vec![7, 8, 9, 10],
        "Counter::new(7, 10) includes both ends"
    );
}

#[test]
fn counter_with_equal_bounds_yields_one_value() {
    expect_eq!(
        Counter::new(3, 3).collect::<Vec<_>>(),
        vec![3],
        "Counter::new(3, 3) yields just 3"
    );
    expect_eq!(
        Counter::new(0, 0).collect::<Vec<_>>(),
        vec![0],
        "Counter::new(0, 0) yields just 0"
    );
}

#[test]
fn counter_starting_after_its_end_is_empty() {
    expect_eq!(
        Counter::new(5, 3).collect::<Vec<u32>>(),
        vec![],
        "Counter::new(5, 3): start > end yields nothing"
    );
    expect_eq!(
        Counter::new(u32::MAX, 0).collect::<Vec<u32>>(),
        vec![],
        "Counter::new(u32::MAX, 0) yields nothing"
    );
}

#[test]
fn counter_starts_at_zero_when_asked() {
    expect_eq!(
        Counter::new(0, 3).collect::<Vec<_>>(),
        vec![0, 1, 2, 3],
        "Counter::new(0, 3)"
    );
}

#[test]
fn counter_reaches_u32_max_without_overflowing() {
    let mut counter = Counter::new(u32::MAX - 2, u32::MAX);
    let values = take_up_to(&mut counter, 10, "Counter::new(u32::MAX - 2, u32::MAX)");
    expect_eq!(
        values,
        vec![u32::MAX - 2, u32::MAX - 1, u32::MAX],
        "Counter::new(u32::MAX - 2, u32::MAX) yields three values, the last being u32::MAX"
    );
    expect_finished(&mut counter, 3, "Counter::new(u32::MAX - 2, u32::MAX)");
}

#[test]
fn counter_from_u32_max_to_u32_max_yields_it_once() {
    let mut counter = Counter::new(u32::MAX, u32::MAX);
    let values = take_up_to(&mut counter, 10, "Counter::new(u32::MAX, u32::MAX)");
    expect_eq!(
        values,
        vec![u32::MAX],
        "Counter::new(u32::MAX, u32::MAX) yields u32::MAX once"
    );
    expect_finished(&mut counter, 3, "Counter::new(u32::MAX, u32::MAX)");
}

#[test]
fn counter_stays_finished() {
    let mut counter = Counter::new(1, 2);
    expect_eq!(
        take_up_to(&mut counter, 10, "Counter::new(1, 2)"),
        vec![1, 2],
        "Counter::new(1, 2)"
    );
    expect_finished(&mut counter, 5, "Counter::new(1, 2)");
    let mut empty = Counter::new(9, 1);
    expect_finished(&mut empty, 5, "Counter::new(9, 1)");
}

#[test]
fn counter_is_lazy() {
    let first: Vec<u32> = Counter::new(0, u32::MAX).take(3).collect();
    expect_eq!(
        first,
        vec![0, 1, 2],
        "the first three values of Counter::new(0, u32::MAX)"
    );
}

#[test]
fn counter_counts_many_values() {
    expect_eq!(
        Counter::new(1, 1000).count(),
        1000,
        "Counter::new(1, 1000) yields 1000 values"
    );
    expect_eq!(
        Counter::new(1, 100).sum::<u32>(),
        5050,
        "1 + 2 + ... + 100 = 5050"
    );
}

#[test]
fn counter_zip_skip_map_filter_sum() {
    let sum: u32 = Counter::new(1, 5)
        .zip(Counter::new(1, 5).skip(1))
        .map(|(a, b)| a * b)
        .filter(|x| x % 3 == 0)
        .sum();
    expect_eq!(
        sum,
        18,
        "pairs (1,2) (2,3) (3,4) (4,5); products divisible by 3: 6 + 12 = 18"
    );
}

#[test]
fn counter_works_with_filter_and_skip() {
    let evens: Vec<u32> = Counter::new(1, 10).filter(|n| n % 2 == 0).collect();
    expect_eq!(
        evens,
        vec![2, 4, 6, 8, 10],
        "the even values of Counter::new(1, 10)"
    );
    let middle: Vec<u32> = Counter::new(1, 10).skip(3).take(2).collect();
    expect_eq!(middle, vec![4, 5], "skip 3, take 2 of Counter::new(1, 10)");
}

#[test]
fn counters_are_independent() {
    let mut a = Counter::new(1, 3);
    let mut b = Counter::new(1, 3);
    a.next();
    a.next();
    expect_eq!(
        b.next(),
        Some(1),
        "advancing one counter does not move another"
    );
    expect_eq!(
        a.next(),
        Some(3),
        "the first counter continues where it was"
    );
}

#[test]
fn fibonacci_starts_with_zero_and_one() {
    let first: Vec<u64> = Fibonacci::new().take(12).collect();
    expect_eq!(
        first,
        vec![0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89],
        "the first twelve Fibonacci numbers, from F(0) = 0"
    );
}

#[test]
fn fibonacci_default_is_new() {
    let first: Vec<u64> = Fibonacci::default().take(5).collect();
    expect_eq!(
        first,
        vec![0, 1, 1, 2, 3],
        "Fibonacci::default() starts like Fibonacci::new()"
    );
}

#[test]
fn fibonacci_yields_every_number_that_fits_in_u64() {
    let mut fib = Fibonacci::new();
    let values = take_up_to(&mut fib, 200, "Fibonacci");
    expect_eq!(
        values.len(),
        94,
        "F(0) to F(93) fit in a u64: 94 numbers, then None"
    );
    expect_eq!(
        values,
        fibonacci_numbers(),
        "the Fibonacci numbers F(0) to F(93)"
    );
}

#[test]
fn fibonacci_ends_with_f93() {
    let mut fib = Fibonacci::new();
    let values = take_up_to(&mut fib, 200, "Fibonacci");
    expect_eq!(
        values.last().copied(),
        Some(12_200_160_415_121_876_738),
        "the last number is F(93) = 12200160415121876738 (the largest that fits in a u64)"
    );
    expect!(
        values.len() < 2 || values[values.len() - 2] == 7_540_113_804_746_346_429,
        "the one before it is F(92) = 7540113804746346429"
    );
}

#[test]
fn fibonacci_stays_finished() {
    let mut fib = Fibonacci::new();
    let values = take_up_to(&mut fib, 200, "Fibonacci");
    expect!(
        values.len() <= 94,
        "Fibonacci yields at most 94 numbers, got {}",
        values.len()
    );
    expect_finished(&mut fib, 5, "Fibonacci");
}

#[test]
fn fibonacci_count_terminates() {
    let count = catch_unwind(|| Fibonacci::new().skip(90).take(100).count());
    expect_eq!(
        count.ok(),
        Some(4),
        "after skipping 90, four numbers are left: F(90) to F(93)"
    );
}

#[test]
fn fibonacci_nth_reaches_the_end() {
    expect_eq!(Fibonacci::new().nth(10), Some(55), "F(10) = 55");
    expect_eq!(
        Fibonacci::new().nth(92),
        Some(7_540_113_804_746_346_429),
        "F(92)"
    );
    expect_eq!(
        Fibonacci::new().nth(93),
        Some(12_200_160_415_121_876_738),
        "F(93)"
    );
    expect_eq!(Fibonacci::new().nth(94), None, "there is no F(94) in a u64");
}

#[test]
fn fibonacci_works_with_filter_and_zip() {
    let evens: Vec<u64> = Fibonacci::new().filter(|f| f % 2 == 0).take(5).collect();
    expect_eq!(
        evens,
        vec![0, 2, 8, 34, 144],
        "the first five even Fibonacci numbers"
    );
    let indexed: Vec<(u32, u64)> = Counter::new(0, 6).zip(Fibonacci::new()).collect();
    expect_eq!(
        indexed,
        vec![(0, 0), (1, 1), (2, 1), (3, 2), (4, 3), (5, 5), (6, 8)],
        "Counter::new(0, 6) zipped with Fibonacci pairs n with F(n)"
    );
    let ratios_ok = Fibonacci::new()
        .zip(Fibonacci::new().skip(1))
        .skip(2)
        .take(20)
        .all(|(a, b)| b > a);
    expect!(
        ratios_ok,
        "from F(2) on, each Fibonacci number is smaller than the next"
    );
}

#[test]
fn fibonacci_iterators_are_independent() {
    let mut a = Fibonacci::new();
    let mut b = Fibonacci::new();
    a.nth(20);
    expect_eq!(
        b.next(),
        Some(0),
        "a new Fibonacci starts at 0 however far another one has gone"
    );
    expect_eq!(
        a.next(),
        Some(10_946),
        "the first continues at F(21) = 10946"
    );
}

#[test]
fn even_sum_matches_the_classic_example() {
    expect_eq!(
        even_fibonacci_sum(4_000_000),
        4_613_732,
        "even Fibonacci numbers up to four million"
    );
    expect_eq!(even_fibonacci_sum(100), 44, "2 + 8 + 34 = 44");
}

#[test]
fn even_sum_includes_the_limit_itself() {
    expect_eq!(even_fibonacci_sum(8), 10, "8 is at most 8: 2 + 8 = 10");
    expect_eq!(even_fibonacci_sum(34), 44, "2 + 8 + 34 = 44");
    expect_eq!(even_fibonacci_sum(2), 2, "limit 2 includes 2");
}

#[test]
fn even_sum_just_below_an_even_number() {
    expect_eq!(even_fibonacci_sum(7), 2, "only 2 is even and at most 7");
    expect_eq!(even_fibonacci_sum(33), 10, "2 + 8 = 10");
}

#[test]
fn even_sum_of_tiny_limits() {
    expect_eq!(even_fibonacci_sum(0), 0, "only 0 is at most 0");
    expect_eq!(
        even_fibonacci_sum(1),
        0,
        "0, 1, 1 are at most 1; only 0 is even"
    );
}

#[test]
fn even_sum_up_to_u64_max() {
    let sum = catch_unwind(|| even_fibonacci_sum(u64::MAX));
    expect_eq!(
        sum.ok(),
        Some(15_970_217_317_495_049_952),
        "every even Fibonacci number fits, up to F(93) = 12200160415121876738"
    );
}

#[test]
fn even_sum_around_f93() {
    let f93 = 12_200_160_415_121_876_738;
    expect_eq!(
        catch_unwind(|| even_fibonacci_sum(f93)).ok(),
        Some(15_970_217_317_495_049_952),
        "the limit F(93) includes F(93), which is even"
    );
    expect_eq!(
        catch_unwind(|| even_fibonacci_sum(f93 - 1)).ok(),
        Some(3_770_056_902_373_173_214),
        "the limit F(93) - 1 leaves F(93) out"
    );
}
