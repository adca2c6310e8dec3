use kata_assert::{expect, expect_eq};
use timeseries_compression::{decode_timestamps, downsample, encode_timestamps};

fn round_trips(ts: &[i64], what: &str) {
    let bytes = encode_timestamps(ts);
    expect_eq!(
        decode_timestamps(&bytes),
        Some(ts.to_vec()),
        "decode(encode(x)) == x for {}",
        what
    );
}

/// A tiny fixed-seed generator for reproducible test data.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        (self.next() >> 33) % n
    }
}

// ---------- exact bytes ----------

#[test]
fn empty_input_encodes_to_nothing() {
    expect_eq!(
        encode_timestamps(&[]),
        Vec::<u8>::new(),
        "no timestamps, no bytes"
    );
    expect_eq!(
        decode_timestamps(&[]),
        Some(vec![]),
        "no bytes decode to no timestamps"
    );
}

#[test]
fn the_example_encodes_bit_exactly() {
    expect_eq!(
        encode_timestamps(&[1000, 1060, 1120, 1185]),
        vec![0xD0, 0x0F, 0x78, 0x00, 0x0A],
        "words 1000, 60, 0, 5 zigzag to 2000, 120, 0, 10, written as LEB128 varints"
    );
}

#[test]
fn a_single_value_is_just_its_zigzag_varint() {
    expect_eq!(encode_timestamps(&[0]), vec![0x00], "0 zigzags to 0");
    expect_eq!(encode_timestamps(&[-1]), vec![0x01], "-1 zigzags to 1");
    expect_eq!(encode_timestamps(&[1]), vec![0x02], "1 zigzags to 2");
    expect_eq!(
        encode_timestamps(&[63]),
        vec![0x7E],
        "63 zigzags to 126: one byte"
    );
    expect_eq!(
        encode_timestamps(&[64]),
        vec![0x80, 0x01],
        "64 zigzags to 128: two bytes, low group first"
    );
    expect_eq!(encode_timestamps(&[-64]), vec![0x7F], "-64 zigzags to 127");
}

#[test]
fn extreme_values_zigzag_to_the_largest_words() {
    expect_eq!(
        encode_timestamps(&[i64::MAX]),
        vec![0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
        "i64::MAX zigzags to u64::MAX - 1: ten bytes"
    );
    expect_eq!(
        encode_timestamps(&[i64::MIN]),
        vec![0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
        "i64::MIN zigzags to u64::MAX: ten bytes"
    );
}

#[test]
fn second_word_is_the_first_delta() {
    expect_eq!(
        encode_timestamps(&[10, 15]),
        vec![0x14, 0x0A],
        "10, then delta 5 (zigzag 10)"
    );
    expect_eq!(
        encode_timestamps(&[10, 5]),
        vec![0x14, 0x09],
        "10, then delta -5 (zigzag 9)"
    );
}

#[test]
fn later_words_are_deltas_of_deltas() {
    expect_eq!(
        encode_timestamps(&[100, 110, 120, 130, 140]),
        vec![0xC8, 0x01, 0x14, 0x00, 0x00, 0x00],
        "a regular series: 100, delta 10, then delta-of-delta 0 three times"
    );
    expect_eq!(
        encode_timestamps(&[0, 10, 19, 31]),
        vec![0x00, 0x14, 0x01, 0x06],
        "deltas 10, 9, 12: delta-of-deltas -1 (zigzag 1) and 3 (zigzag 6)"
    );
}

#[test]
fn negative_deltas_encode_small() {
    expect_eq!(
        encode_timestamps(&[50, 40, 30, 35]),
        vec![0x64, 0x13, 0x00, 0x1E],
        "deltas -10, -10, 5: words 50, -10, 0, 15 zigzag to 100, 19, 0, 30"
    );
}

#[test]
fn a_regular_series_takes_about_one_byte_per_point() {
    let start = 1_700_000_000_000i64;
    let ts: Vec<i64> = (0..1000).map(|i| start + i * 60_000).collect();
    let bytes = encode_timestamps(&ts);
    expect!(
        bytes.len() <= 1010,
        "1000 points one minute apart: delta-of-delta is 0 after the first two, so about 1 byte per point (got {} bytes)",
        bytes.len()
    );
    round_trips(&ts, "a regular series");
}

#[test]
fn jitter_of_a_few_units_still_takes_one_byte_per_point() {
    let mut rng = Lcg(5);
    let ts: Vec<i64> = (0..1000)
        .map(|i| 1_700_000_000_000 + i * 10_000 + rng.below(7) as i64 - 3)
        .collect();
    let bytes = encode_timestamps(&ts);
    expect!(
        bytes.len() <= 1010,
        "timestamps jittering by ±3 have delta-of-deltas between -12 and 12, one byte each after zigzag (got {} bytes for 1000 points)",
        bytes.len()
    );
    round_trips(&ts, "a jittery series");
}

// ---------- round trips ----------

#[test]
fn gaps_round_trip() {
    round_trips(
        &[0, 10, 20, 1_000_000, 1_000_010, 1_000_020, 5],
        "a series with a big gap and a step back",
    );
    round_trips(&[7], "a single timestamp");
    round_trips(&[7, 7, 7, 7], "repeated timestamps");
}

#[test]
fn out_of_order_timestamps_round_trip() {
    round_trips(
        &[100, 90, 95, 80, 120, 60],
        "timestamps that go back and forth",
    );
    round_trips(&[-5, -10, -20, -40], "negative, decreasing timestamps");
}

#[test]
fn extremes_round_trip_without_overflow() {
    round_trips(&[i64::MIN, i64::MAX], "a jump from i64::MIN to i64::MAX");
    round_trips(
        &[i64::MAX, i64::MIN, i64::MAX, 0, -1, i64::MIN],
        "jumps between the extremes",
    );
    round_trips(&[0, i64::MAX, i64::MIN], "a delta-of-delta far beyond i64");
}

#[test]
fn random_sequences_round_trip() {
    let mut rng = Lcg(99);
    for case in 0..300 {
        let len = rng.below(40) as usize;
        let ts: Vec<i64> = (0..len)
            .map(|_| match rng.below(3) {
                0 => rng.next() as i64,
                1 => rng.below(1000) as i64 - 500,
                _ => (rng.next() >> rng.below(64)) as i64,
            })
            .collect();
        round_trips(&ts, &format!("random case {case}: {ts:?}"));
    }
}

// ---------- decoding ----------

#[test]
fn decode_reads_words_back_into_timestamps() {
    expect_eq!(
        decode_timestamps(&[0x02, 0x02, 0x02]),
        Some(vec![1, 2, 4]),
        "words 1, 1, 1: start 1, delta 1, then the delta grows by 1"
    );
    expect_eq!(
        decode_timestamps(&[0xD0, 0x0F, 0x78, 0x00, 0x0A]),
        Some(vec![1000, 1060, 1120, 1185]),
        "the example decodes back"
    );
    expect_eq!(
        decode_timestamps(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        Some(vec![i64::MIN]),
        "a ten-byte varint whose last byte is 0x01 is u64::MAX, which is i64::MIN"
    );
}

#[test]
fn a_cut_off_varint_is_none() {
    expect_eq!(
        decode_timestamps(&[0x80]),
        None,
        "0x80 promises another byte that never comes"
    );
    expect_eq!(
        decode_timestamps(&[0xD0]),
        None,
        "the first byte of 2000 alone is cut off"
    );
    expect_eq!(
        decode_timestamps(&[0x00, 0x14, 0x81]),
        None,
        "a complete word then a cut-off one"
    );
    let mut bytes = encode_timestamps(&[1_700_000_000_000, 1_700_000_060_000]);
    bytes.pop();
    expect_eq!(
        decode_timestamps(&bytes),
        None,
        "an encoding with its last byte removed"
    );
}

#[test]
fn a_varint_over_64_bits_is_none() {
    expect_eq!(
        decode_timestamps(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02]),
        None,
        "a 10th byte above 0x01 needs more than 64 bits"
    );
    expect_eq!(
        decode_timestamps(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
        None,
        "an 11-byte varint is too long"
    );
    expect_eq!(
        decode_timestamps(&[0xFF; 30]),
        None,
        "thirty continuation bytes never make a valid varint"
    );
}

// ---------- downsampling ----------

fn expect_buckets(actual: Vec<(i64, f64)>, expected: &[(i64, f64)], what: &str) {
    let starts: Vec<i64> = actual.iter().map(|b| b.0).collect();
    let want: Vec<i64> = expected.iter().map(|b| b.0).collect();
    expect_eq!(starts, want, "bucket starts for {}", what);
    for (a, e) in actual.iter().zip(expected) {
        let tolerance = 1e-9 * e.1.abs().max(1.0);
        expect!(
            (a.1 - e.1).abs() <= tolerance,
            "{}: the bucket starting at {} has mean {}, expected {}",
            what,
            e.0,
            a.1,
            e.1
        );
    }
}

#[test]
fn downsample_of_nothing_is_empty() {
    expect_buckets(downsample(&[], 10), &[], "no points");
}

#[test]
fn downsample_averages_each_bucket() {
    let points = [(0, 1.0), (5, 3.0), (12, 10.0), (19, 20.0), (15, 30.0)];
    expect_buckets(
        downsample(&points, 10),
        &[(0, 2.0), (10, 20.0)],
        "two buckets of width 10",
    );
}

#[test]
fn bucket_boundaries_belong_to_the_later_bucket() {
    let points = [(9, 1.0), (10, 2.0), (20, 3.0)];
    expect_buckets(
        downsample(&points, 10),
        &[(0, 1.0), (10, 2.0), (20, 3.0)],
        "10 starts a new bucket, 9 does not",
    );
}

#[test]
fn empty_buckets_are_left_out() {
    let points = [(1, 1.0), (1_000, 2.0), (1_005, 4.0)];
    expect_buckets(
        downsample(&points, 10),
        &[(0, 1.0), (1_000, 3.0)],
        "the gap from 10 to 1000 produces no buckets",
    );
}

#[test]
fn negative_timestamps_round_down() {
    let points = [(-1, 1.0), (-10, 3.0), (-11, 5.0), (0, 7.0)];
    expect_buckets(
        downsample(&points, 10),
        &[(-20, 5.0), (-10, 2.0), (0, 7.0)],
        "-1 and -10 are in the bucket starting at -10, -11 in the one at -20",
    );
}

#[test]
fn unsorted_points_give_sorted_buckets() {
    let mut rng = Lcg(3);
    let mut points = Vec::new();
    let mut expected = Vec::new();
    for bucket in 0..60i64 {
        let start = bucket * 100 - 3000;
        // Four points per bucket with values averaging `bucket`.
        for v in [
            bucket as f64 - 1.5,
            bucket as f64 + 1.5,
            bucket as f64 - 0.5,
            bucket as f64 + 0.5,
        ] {
            points.push((start + rng.below(100) as i64, v));
        }
        expected.push((start, bucket as f64));
    }
    // Shuffle with the fixed-seed generator.
    for i in (1..points.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        points.swap(i, j);
    }
    expect_buckets(
        downsample(&points, 100),
        &expected,
        "60 buckets from shuffled points, in increasing order",
    );
}

#[test]
fn width_one_keeps_every_distinct_timestamp() {
    let points = [(3, 1.0), (1, 2.0), (3, 5.0)];
    expect_buckets(
        downsample(&points, 1),
        &[(1, 2.0), (3, 3.0)],
        "width 1: one bucket per timestamp",
    );
}

#[test]
fn large_timestamps_and_widths() {
    let big = 1i64 << 62;
    let points = [(big - 1, 1.0), (-big, 2.0), (-big + 5, 4.0)];
    expect_buckets(
        downsample(&points, 1 << 40),
        &[(-big, 3.0), (big - (1 << 40), 1.0)],
        "timestamps near ±2^62 with width 2^40",
    );
}

#[test]
fn zero_or_negative_width_panics() {
    let zero = std::panic::catch_unwind(|| downsample(&[(1, 1.0)], 0));
    expect!(zero.is_err(), "downsample with width 0 must panic");
    let negative = std::panic::catch_unwind(|| downsample(&[(1, 1.0)], -10));
    expect!(negative.is_err(), "downsample with width -10 must panic");
}
