//! Rejects an 11th byte but accepts any 10th byte, so bits beyond the 64th are silently shifted
//! out and an overlong varint decodes to a wrong value.

use std::collections::BTreeMap;

/// Maps signed to unsigned so that small magnitudes give small numbers: 0, -1, 1, -2 → 0, 1, 2, 3.
fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(z: u64) -> i64 {
    ((z >> 1) as i64) ^ -((z & 1) as i64)
}

/// Appends `v` as an unsigned LEB128 varint: 7 bits per byte, low bits first, the high bit set
/// on every byte but the last.
fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads one varint from the front of `bytes`, returning it and the rest; `None` if it is cut
/// off or does not fit in 64 bits.
fn read_varint(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut value = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        // A u64 needs at most 10 bytes.
        if i == 10 {
            return None;
        }
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, &bytes[i + 1..]));
        }
    }
    // Ran out of bytes with the continuation bit still set.
    None
}

/// Encodes timestamps as: the first value, the first delta, then each delta-of-delta, each
/// zigzagged and written as a varint. Wrapping arithmetic makes every `i64` sequence round-trip.
pub fn encode_timestamps(timestamps: &[i64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(timestamps.len() + 16);
    let mut prev = 0i64;
    let mut prev_delta = 0i64;
    for (i, &t) in timestamps.iter().enumerate() {
        let word = match i {
            0 => t,
            _ => {
                let delta = t.wrapping_sub(prev);
                let word = if i == 1 {
                    delta
                } else {
                    delta.wrapping_sub(prev_delta)
                };
                prev_delta = delta;
                word
            }
        };
        write_varint(&mut out, zigzag(word));
        prev = t;
    }
    out
}

/// The inverse of [`encode_timestamps`]; `None` for a truncated or overlong varint.
pub fn decode_timestamps(mut bytes: &[u8]) -> Option<Vec<i64>> {
    let mut timestamps = Vec::new();
    let mut prev = 0i64;
    let mut prev_delta = 0i64;
    while !bytes.is_empty() {
        let (z, rest) = read_varint(bytes)?;
        bytes = rest;
        let word = unzigzag(z);
        let t = match timestamps.len() {
            0 => word,
            n => {
                let delta = if n == 1 {
                    word
                } else {
                    prev_delta.wrapping_add(word)
                };
                prev_delta = delta;
                prev.wrapping_add(delta)
            }
        };
        timestamps.push(t);
        prev = t;
    }
    Some(timestamps)
}

/// Averages `points` per bucket of `width`: one `(bucket_start, mean)` per non-empty bucket, in
/// increasing bucket order. Panics if `width <= 0`.
pub fn downsample(points: &[(i64, f64)], width: i64) -> Vec<(i64, f64)> {
    assert!(width > 0, "the bucket width must be positive");
    let mut buckets: BTreeMap<i64, (f64, usize)> = BTreeMap::new();
    for &(t, v) in points {
        // Floor division: -1 belongs to the bucket starting at -width, not at 0.
        let start = t.div_euclid(width) * width;
        let (sum, count) = buckets.entry(start).or_insert((0.0, 0));
        *sum += v;
        *count += 1;
    }
    buckets
        .into_iter()
        .map(|(start, (sum, count))| (start, sum / count as f64))
        .collect()
}
