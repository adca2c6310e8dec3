//! A stack of iterators driven by `while let ... and_then(next)`: the walk ends as soon as any inner list (an empty one included) runs out.

pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let mut out = Vec::new();
    let mut stack = vec![nested.into_iter()];
    while let Some(item) = stack.last_mut().and_then(Iterator::next) {
        match item {
            NestedInt::Int(n) => out.push(n),
            NestedInt::List(inner) => stack.push(inner.into_iter()),
        }
    }
    out
}
