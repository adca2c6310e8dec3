//! Words computed from a window of the previous two timestamps, varints decoded with an explicit
//! shift counter, and buckets gathered in a `BTreeMap` keyed by `div_euclid`.

use std::collections::BTreeMap;

fn zigzag(n: i64) -> u64 {
    if n >= 0 {
        (n as u64) << 1
    } else {
        // -1 -> 1, -2 -> 3, ..., i64::MIN -> u64::MAX
        (!(n as u64) << 1) | 1
    }
}

fn unzigzag(z: u64) -> i64 {
    if z & 1 == 0 {
        (z >> 1) as i64
    } else {
        !(z >> 1) as i64
    }
}

pub fn encode_timestamps(timestamps: &[i64]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, &t) in timestamps.iter().enumerate() {
        let word = match i {
            0 => t,
            1 => t.wrapping_sub(timestamps[0]),
            _ => {
                let delta = t.wrapping_sub(timestamps[i - 1]);
                let before = timestamps[i - 1].wrapping_sub(timestamps[i - 2]);
                delta.wrapping_sub(before)
            }
        };
        let mut z = zigzag(word);
        while z >= 0x80 {
            out.push((z as u8 & 0x7f) | 0x80);
            z >>= 7;
        }
        out.push(z as u8);
    }
    out
}

pub fn decode_timestamps(bytes: &[u8]) -> Option<Vec<i64>> {
    let mut words = Vec::new();
    let mut value = 0u64;
    let mut shift = 0u32;
    for &b in bytes {
        if shift == 63 && b > 1 {
            return None;
        }
        if shift > 63 {
            return None;
        }
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            words.push(unzigzag(value));
            value = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    if shift != 0 {
        return None;
    }
    let mut out: Vec<i64> = Vec::with_capacity(words.len());
    let mut delta = 0i64;
    for (i, &word) in words.iter().enumerate() {
        match i {
            0 => out.push(word),
            _ => {
                delta = if i == 1 {
                    word
                } else {
                    delta.wrapping_add(word)
                };
                let t = out[i - 1].wrapping_add(delta);
                out.push(t);
            }
        }
    }
    Some(out)
}

pub fn downsample(points: &[(i64, f64)], width: i64) -> Vec<(i64, f64)> {
    assert!(width > 0, "width must be positive");
    let mut buckets: BTreeMap<i64, (f64, u32)> = BTreeMap::new();
    for &(t, v) in points {
        let entry = buckets
            .entry(t.div_euclid(width) * width)
            .or_insert((0.0, 0));
        entry.0 += v;
        entry.1 += 1;
    }
    buckets
        .into_iter()
        .map(|(start, (sum, n))| (start, sum / f64::from(n)))
        .collect()
}
