//! Remembers only successful charges, so a retried decline is processed again and charges once funds arrive.

use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub charge_id: u64,
    pub account: String,
    pub amount: u64,
    pub balance_after: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChargeError {
    InsufficientFunds { balance: u64, requested: u64 },
    KeyReused,
}

pub struct PaymentService {
    balances: HashMap<String, u64>,
    keys: HashMap<String, (String, u64, Result<Receipt, ChargeError>)>,
    next_charge_id: u64,
}

impl PaymentService {
    pub fn new() -> Self {
        PaymentService {
            balances: HashMap::new(),
            keys: HashMap::new(),
            next_charge_id: 1,
        }
    }

    pub fn deposit(&mut self, account: &str, amount: u64) {
        *self.balances.entry(account.to_string()).or_insert(0) += amount;
    }

    pub fn balance(&self, account: &str) -> u64 {
        self.balances.get(account).copied().unwrap_or(0)
    }

    fn execute(&mut self, account: &str, amount: u64) -> Result<Receipt, ChargeError> {
        let balance = self.balance(account);
        if balance < amount {
            return Err(ChargeError::InsufficientFunds {
                balance,
                requested: amount,
            });
        }
        self.balances.insert(account.to_string(), balance - amount);
        let charge_id = self.next_charge_id;
        self.next_charge_id += 1;
        Ok(Receipt {
            charge_id,
            account: account.to_string(),
            amount,
            balance_after: balance - amount,
        })
    }

    pub fn charge(
        &mut self,
        key: &str,
        account: &str,
        amount: u64,
    ) -> Result<Receipt, ChargeError> {
        if let Some((acc, amt, answer)) = self.keys.get(key) {
            return if acc == account && *amt == amount {
                answer.clone()
            } else {
                Err(ChargeError::KeyReused)
            };
        }
        let answer = self.execute(account, amount);
        if answer.is_ok() {
            self.keys.insert(
                key.to_string(),
                (account.to_string(), amount, answer.clone()),
            );
        }
        answer
    }
}
