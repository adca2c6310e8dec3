//! Reference solution: recursion with `flat_map`, moving values out instead of cloning them.

/// A single integer, or a list of nested values.
pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

/// Returns every integer in `nested`, in left-to-right reading order.
pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let mut out = Vec::new();
    flatten_into(nested, &mut out);
    out
}

/// Appends the integers of `nested` to `out`; one output buffer for the whole walk, so inner
/// lists do not each allocate a `Vec` of their own.
fn flatten_into(nested: Vec<NestedInt>, out: &mut Vec<i32>) {
    for item in nested {
        match item {
            NestedInt::Int(n) => out.push(n),
            NestedInt::List(inner) => flatten_into(inner, out),
        }
    }
}
