//! Without `debug-checks`, sorts the values "to be safe" instead of storing them exactly as
//! given: the unchecked build is not free, and it changes what the caller passed.

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
        if let Err(index) = check_ascending(&values) {
            panic!("SortedList::from_sorted: values are not in ascending order at index {index}");
        }
        // Without the checks, make sure the list is sorted anyway.
        #[cfg(not(feature = "debug-checks"))]
        let values = {
            let mut values = values;
            values.sort();
            values
        };
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
