//! Checks under the feature with an `assert!` whose message leaves out the index of the first
//! value out of order.

/// A list of `i32` kept in ascending (non-decreasing) order.
#[derive(Debug, Default)]
pub struct SortedList {
    values: Vec<i32>,
}

impl SortedList {
    /// An empty list.
    pub fn new() -> Self {
        SortedList { values: Vec::new() }
    }

    /// Wraps values the caller promises are already ascending, in O(1).
    ///
    /// With the `debug-checks` feature the promise is verified (O(n)) and a broken promise panics
    /// with "values are not in ascending order at index {i}". Without it, the values are trusted
    /// and stored as given: the check is not even compiled in.
    pub fn from_sorted(values: Vec<i32>) -> Self {
        #[cfg(feature = "debug-checks")]
        assert!(
            check_ascending(&values).is_ok(),
            "values are not in ascending order"
        );
        SortedList { values }
    }

    /// Inserts `value`, keeping the list ascending.
    pub fn insert(&mut self, value: i32) {
        let position = self.values.partition_point(|&v| v <= value);
        self.values.insert(position, value);
    }

    /// Whether `value` is in the list (binary search).
    pub fn contains(&self, value: i32) -> bool {
        self.values.binary_search(&value).is_ok()
    }

    /// The values, in list order.
    pub fn as_slice(&self) -> &[i32] {
        &self.values
    }
}

/// `Ok(())` if `values` never decreases; otherwise `Err(i)` for the first index `i` with
/// `values[i] < values[i - 1]`.
pub fn check_ascending(values: &[i32]) -> Result<(), usize> {
    match values.windows(2).position(|pair| pair[1] < pair[0]) {
        Some(before) => Err(before + 1),
        None => Ok(()),
    }
}
