//! Debug checks behind a feature: see the task statement (`kata hint feature_flags` when stuck).

/// A list of `i32` kept in ascending (non-decreasing) order.
#[derive(Debug, Default)]
pub struct SortedList {
    values: Vec<i32>,
}

impl SortedList {
    /// An empty list.
    pub fn new() -> Self {
        todo!("an empty list")
    }

    /// Wraps values the caller promises are already ascending. With the `debug-checks` feature,
    /// panics with "values are not in ascending order at index {i}" if they are not; without it,
    /// trusts the caller and stores them as given.
    pub fn from_sorted(values: Vec<i32>) -> Self {
        let _ = values;
        todo!("check the order only when the `debug-checks` feature is on")
    }

    /// Inserts `value`, keeping the list ascending.
    pub fn insert(&mut self, value: i32) {
        let _ = value;
        todo!("insert in order")
    }

    /// Whether `value` is in the list.
    pub fn contains(&self, value: i32) -> bool {
        let _ = value;
        todo!("binary search")
    }

    /// The values, in list order.
    pub fn as_slice(&self) -> &[i32] {
        &self.values
    }
}

/// `Ok(())` if `values` never decreases; otherwise `Err(i)` for the first index `i` with
/// `values[i] < values[i - 1]`.
pub fn check_ascending(values: &[i32]) -> Result<(), usize> {
    let _ = values;
    todo!("find the first index whose value is smaller than the one before it")
}
