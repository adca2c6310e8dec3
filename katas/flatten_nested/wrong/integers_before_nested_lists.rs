//! Handles each list in two passes, first its integers and then its nested lists, so the
//! contents of a list come out after the integers that follow it.

pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let mut out = Vec::new();
    let mut lists = Vec::new();
    for item in nested {
        match item {
            NestedInt::Int(n) => out.push(n),
            NestedInt::List(inner) => lists.push(inner),
        }
    }
    for inner in lists {
        out.extend(flatten(inner));
    }
    out
}
