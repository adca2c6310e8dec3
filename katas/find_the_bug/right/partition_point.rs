//! `partition_point` finds the first element not below the target; the target is present when
//! that element equals it.

pub fn binary_search(items: &[i32], target: i32) -> Option<usize> {
    let i = items.partition_point(|&x| x < target);
    (items.get(i) == Some(&target)).then_some(i)
}
