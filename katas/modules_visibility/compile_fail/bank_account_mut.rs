// Reaching inside the bank: `Bank::account_mut` is private to the ledger, E0624.
use modules_visibility::Bank;

fn main() {
    let mut bank = Bank::new();
    let id = bank.open();
    let _ = bank.account_mut(id);
}
