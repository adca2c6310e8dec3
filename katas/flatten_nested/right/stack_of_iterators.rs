//! No recursion: a stack of the lists being read, each as its own `IntoIter`; a nested list is
//! pushed on top and read to its end before the list below it continues.

pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let mut out = Vec::new();
    let mut stack = vec![nested.into_iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            Some(NestedInt::Int(n)) => out.push(n),
            Some(NestedInt::List(inner)) => stack.push(inner.into_iter()),
            None => {
                stack.pop();
            }
        }
    }
    out
}
