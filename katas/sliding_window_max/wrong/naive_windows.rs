//! Right answers, wrong complexity: scans every window for its maximum (O(n·k)).

pub fn max_sliding_window(nums: &[i32], k: usize) -> Vec<i32> {
    if k == 0 || k > nums.len() {
        return Vec::new();
    }
    nums.windows(k)
        .map(|window| *window.iter().max().unwrap())
        .collect()
}
