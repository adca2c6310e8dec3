//! Tests the feature with the `cfg!` macro in an ordinary `if` (the branch is compiled in both
//! builds but runs only with `debug-checks`), finds the insert position and answers `contains`
//! with linear scans, and reports the first decrease with an index loop.

#[derive(Debug, Default)]
pub struct SortedList {
    values: Vec<i32>,
}

impl SortedList {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn from_sorted(values: Vec<i32>) -> Self {
        if cfg!(feature = "debug-checks") {
            if let Err(i) = check_ascending(&values) {
                panic!("from_sorted: values are not in ascending order at index {i}");
            }
        }
        SortedList { values }
    }

    pub fn insert(&mut self, value: i32) {
        let at = self
            .values
            .iter()
            .position(|&v| v > value)
            .unwrap_or(self.values.len());
        self.values.insert(at, value);
    }

    pub fn contains(&self, value: i32) -> bool {
        self.values.contains(&value)
    }

    pub fn as_slice(&self) -> &[i32] {
        &self.values
    }
}

pub fn check_ascending(values: &[i32]) -> Result<(), usize> {
    for i in 1..values.len() {
        if values[i] < values[i - 1] {
            return Err(i);
        }
    }
    Ok(())
}
