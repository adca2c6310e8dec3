//! Idempotency keys: see the task statement (`kata hint idempotency_keys` when stuck).

use std::collections::HashMap;

/// The answer to a successful charge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub charge_id: u64,
    pub account: String,
    pub amount: u64,
    pub balance_after: u64,
}

/// Why a charge was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChargeError {
    /// The account held less than the amount (`balance` is the balance at that moment).
    InsufficientFunds { balance: u64, requested: u64 },
    /// The key was already used for a request with a different account or amount.
    KeyReused,
}

/// Accounts, balances and the answers remembered per idempotency key.
pub struct PaymentService {
    // Replace with your own fields.
    balances: HashMap<String, u64>,
}

impl PaymentService {
    /// A service with no accounts (every balance is 0) and no keys.
    pub fn new() -> Self {
        PaymentService {
            balances: HashMap::new(),
        }
    }

    /// Adds `amount` to the balance of `account`.
    pub fn deposit(&mut self, account: &str, amount: u64) {
        let _ = (account, amount, &self.balances);
        todo!("add to the balance")
    }

    /// The current balance of `account` (0 if never seen).
    pub fn balance(&self, account: &str) -> u64 {
        let _ = account;
        todo!("report the balance")
    }

    /// Charges `amount` to `account` once per idempotency `key`; retries replay the first answer.
    pub fn charge(
        &mut self,
        key: &str,
        account: &str,
        amount: u64,
    ) -> Result<Receipt, ChargeError> {
        let _ = (key, account, amount);
        todo!("process a new key, replay a retry, reject a reused key")
    }
}

impl Default for PaymentService {
    fn default() -> Self {
        Self::new()
    }
}
