//! Uses a queue: integers come out level by level, not where their list stands.

use std::collections::VecDeque;

pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let mut out = Vec::new();
    let mut queue: VecDeque<NestedInt> = nested.into();
    while let Some(item) = queue.pop_front() {
        match item {
            NestedInt::Int(n) => out.push(n),
            NestedInt::List(inner) => queue.extend(inner),
        }
    }
    out
}
