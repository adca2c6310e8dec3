// Opening an account without the bank: `Account::new` is crate-only, E0624.
use modules_visibility::Account;

fn main() {
    let _ = Account::new(7);
}
