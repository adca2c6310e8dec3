//! Flatten a nested list: see the task statement (`kata hint flatten_nested` when stuck).

/// A single integer, or a list of nested values.
pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

/// Returns every integer in `nested`, in left-to-right reading order.
pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let _ = nested;
    todo!("flatten the nested list")
}
