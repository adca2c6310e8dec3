//! Reference solution: check the bound, then build the two halves from raw pointers.

/// Splits `slice` into `slice[..mid]` and `slice[mid..]`, both mutable at once.
///
/// # Panics
///
/// Panics if `mid > slice.len()`.
pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    let len = slice.len();
    // This check is what makes the unsafe block below sound: without it, `len - mid` and
    // `ptr.add(mid)` would describe memory outside the slice.
    assert!(mid <= len, "mid > len");
    let ptr = slice.as_mut_ptr();
    // SAFETY: `ptr` is valid for reads and writes of `len` elements for the lifetime of the
    // borrow of `slice`, which both returned slices inherit. Since `mid <= len`:
    // - `ptr.add(mid)` stays within the allocation (at most one past the end);
    // - `[ptr, ptr + mid)` and `[ptr + mid, ptr + len)` lie inside the slice and do not overlap,
    //   so the two `&mut` slices never alias each other, and `slice` itself is unusable while
    //   they live.
    unsafe {
        (
            std::slice::from_raw_parts_mut(ptr, mid),
            std::slice::from_raw_parts_mut(ptr.add(mid), len - mid),
        )
    }
}
