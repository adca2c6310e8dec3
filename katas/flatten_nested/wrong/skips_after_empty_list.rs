//! Treats an empty list as the end of its enclosing list and stops reading that list.

pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let mut out = Vec::new();
    for item in nested {
        match item {
            NestedInt::Int(n) => out.push(n),
            NestedInt::List(inner) if inner.is_empty() => break,
            NestedInt::List(inner) => out.extend(flatten(inner)),
        }
    }
    out
}
