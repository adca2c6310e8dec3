// Reading a private field from outside the crate: E0616.
use modules_visibility::Bank;

fn main() {
    let mut bank = Bank::new();
    let id = bank.open();
    let account = bank.account(id).unwrap();
    let _ = account.balance;
}
