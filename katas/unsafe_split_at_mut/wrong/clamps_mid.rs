//! Clamps an out-of-range `mid` to the length instead of panicking like std.

pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    let len = slice.len();
    let mid = mid.min(len);
    let ptr = slice.as_mut_ptr();
    // SAFETY: mid was clamped to len, so both ranges lie inside the slice and are disjoint.
    unsafe {
        (
            std::slice::from_raw_parts_mut(ptr, mid),
            std::slice::from_raw_parts_mut(ptr.add(mid), len - mid),
        )
    }
}
