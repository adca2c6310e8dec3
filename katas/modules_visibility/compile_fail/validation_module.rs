// Reaching the crate's internal rules: the `validation` module is private, E0603.
fn main() {
    let _ = modules_visibility::validation::check_amount(5);
}
