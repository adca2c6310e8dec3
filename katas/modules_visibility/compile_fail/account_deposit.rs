// Changing a balance without the bank: `Account::deposit` is crate-only, E0624.
use modules_visibility::Bank;

fn main() {
    let mut bank = Bank::new();
    let id = bank.open();
    let mut account = bank.close(id).unwrap();
    let _ = account.deposit(1_000_000);
}
