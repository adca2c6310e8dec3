//! Time-series compression: see the task statement (`kata hint timeseries_compression`).

/// Encodes timestamps as: the first value, the first delta, then each delta-of-delta, each
/// zigzagged and written as an LEB128 varint.
pub fn encode_timestamps(timestamps: &[i64]) -> Vec<u8> {
    let _ = timestamps;
    todo!("delta-of-delta + zigzag + varint")
}

/// The inverse of [`encode_timestamps`]; `None` for a truncated or overlong varint.
pub fn decode_timestamps(bytes: &[u8]) -> Option<Vec<i64>> {
    let _ = bytes;
    todo!("read varints back into timestamps")
}

/// Averages `points` per bucket of `width`: one `(bucket_start, mean)` per non-empty bucket, in
/// increasing bucket order. Panics if `width <= 0`.
pub fn downsample(points: &[(i64, f64)], width: i64) -> Vec<(i64, f64)> {
    let _ = (points, width);
    todo!("average per bucket")
}
