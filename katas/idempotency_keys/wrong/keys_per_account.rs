//! Scopes keys to the account (the map is keyed by account and key), so the same key used for
//! another account is processed as a new request instead of being rejected as reused.

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

/// What a key was first used for, and the answer it got.
struct StoredRequest {
    account: String,
    amount: u64,
    answer: Result<Receipt, ChargeError>,
}

/// Accounts, balances and the answers remembered per idempotency key.
pub struct PaymentService {
    balances: HashMap<String, u64>,
    keys: HashMap<(String, String), StoredRequest>,
    next_charge_id: u64,
}

impl PaymentService {
    /// A service with no accounts (every balance is 0) and no keys.
    pub fn new() -> Self {
        PaymentService {
            balances: HashMap::new(),
            keys: HashMap::new(),
            next_charge_id: 1,
        }
    }

    /// Adds `amount` to the balance of `account`.
    pub fn deposit(&mut self, account: &str, amount: u64) {
        *self.balances.entry(account.to_string()).or_insert(0) += amount;
    }

    /// The current balance of `account` (0 if never seen).
    pub fn balance(&self, account: &str) -> u64 {
        self.balances.get(account).copied().unwrap_or(0)
    }

    /// Charges `amount` to `account` once per idempotency `key`; retries replay the first answer.
    pub fn charge(
        &mut self,
        key: &str,
        account: &str,
        amount: u64,
    ) -> Result<Receipt, ChargeError> {
        if let Some(stored) = self.keys.get(&(account.to_string(), key.to_string())) {
            return if stored.account == account && stored.amount == amount {
                // A retry: replay the stored answer verbatim, whatever happened since.
                stored.answer.clone()
            } else {
                Err(ChargeError::KeyReused)
            };
        }

        let answer = self.execute(account, amount);
        self.keys.insert(
            (account.to_string(), key.to_string()),
            StoredRequest {
                account: account.to_string(),
                amount,
                answer: answer.clone(),
            },
        );
        answer
    }

    /// Performs a charge for a new key.
    fn execute(&mut self, account: &str, amount: u64) -> Result<Receipt, ChargeError> {
        let balance = self.balance(account);
        let Some(balance_after) = balance.checked_sub(amount) else {
            return Err(ChargeError::InsufficientFunds {
                balance,
                requested: amount,
            });
        };
        self.balances.insert(account.to_string(), balance_after);
        let charge_id = self.next_charge_id;
        self.next_charge_id += 1;
        Ok(Receipt {
            charge_id,
            account: account.to_string(),
            amount,
            balance_after,
        })
    }
}

impl Default for PaymentService {
    fn default() -> Self {
        Self::new()
    }
}
