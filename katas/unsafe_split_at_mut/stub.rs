//! `split_at_mut` with raw pointers: see the task statement (`kata hint unsafe_split_at_mut`
//! when stuck).

/// Splits `slice` into `slice[..mid]` and `slice[mid..]`, both mutable at once.
///
/// # Panics
///
/// Panics if `mid > slice.len()`.
pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    let _ = (slice, mid);
    todo!("check `mid`, then build both halves from `slice.as_mut_ptr()`")
}
