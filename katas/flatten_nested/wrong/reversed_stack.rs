//! Walks the list with a stack but pushes items in their original order, so it pops them reversed.

pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let mut out = Vec::new();
    let mut stack = nested;
    while let Some(item) = stack.pop() {
        match item {
            NestedInt::Int(n) => out.push(n),
            NestedInt::List(inner) => stack.extend(inner),
        }
    }
    out
}
