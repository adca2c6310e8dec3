//! The halves built from the slice's pointer range: the first from `start`, the second from
//! `start + mid` up to `end`.

pub fn split_at_mut<T>(slice: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    if mid > slice.len() {
        panic!("split index {mid} is past the end ({})", slice.len());
    }
    let rest = slice.len() - mid;
    let start = slice.as_mut_ptr_range().start;
    // SAFETY: `mid <= len` was checked above, so `start.add(mid)` is within the slice or one past
    // its end, and the ranges `[start, start + mid)` and `[start + mid, start + len)` are disjoint
    // parts of the memory `slice` borrows mutably; the returned halves inherit that borrow.
    unsafe {
        let second = start.add(mid);
        (
            std::slice::from_raw_parts_mut(start, mid),
            std::slice::from_raw_parts_mut(second, rest),
        )
    }
}
