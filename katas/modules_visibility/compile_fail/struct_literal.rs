// Building an account with a struct literal needs its private fields: E0451.
use modules_visibility::Account;

fn main() {
    let _ = Account {
        id: 1,
        balance: 1_000_000,
    };
}
