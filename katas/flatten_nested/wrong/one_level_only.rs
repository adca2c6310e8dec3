//! Flattens one level only: integers nested two or more lists deep are lost.

pub enum NestedInt {
    Int(i32),
    List(Vec<NestedInt>),
}

pub fn flatten(nested: Vec<NestedInt>) -> Vec<i32> {
    let mut out = Vec::new();
    for item in nested {
        match item {
            NestedInt::Int(n) => out.push(n),
            NestedInt::List(inner) => {
                for x in inner {
                    if let NestedInt::Int(n) = x {
                        out.push(n);
                    }
                }
            }
        }
    }
    out
}
