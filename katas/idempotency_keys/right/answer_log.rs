//! Every processed request goes into a log; a `BTreeMap` maps each key to its log entry. Balances
//! are changed through `get_mut`/`entry`, and the next charge id is the number of receipts given.

use std::collections::BTreeMap;

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
    balances: BTreeMap<String, u64>,
    log: Vec<(String, u64, Result<Receipt, ChargeError>)>,
    by_key: BTreeMap<String, usize>,
    receipts: u64,
}

impl Default for PaymentService {
    fn default() -> Self {
        Self::new()
    }
}

impl PaymentService {
    pub fn new() -> Self {
        PaymentService {
            balances: BTreeMap::new(),
            log: Vec::new(),
            by_key: BTreeMap::new(),
            receipts: 0,
        }
    }

    pub fn deposit(&mut self, account: &str, amount: u64) {
        *self.balances.entry(account.to_owned()).or_default() += amount;
    }

    pub fn balance(&self, account: &str) -> u64 {
        *self.balances.get(account).unwrap_or(&0)
    }

    pub fn charge(
        &mut self,
        key: &str,
        account: &str,
        amount: u64,
    ) -> Result<Receipt, ChargeError> {
        if let Some(&at) = self.by_key.get(key) {
            let (first_account, first_amount, answer) = &self.log[at];
            if first_account != account || *first_amount != amount {
                return Err(ChargeError::KeyReused);
            }
            return answer.clone();
        }
        let balance = self.balance(account);
        let answer = if amount > balance {
            Err(ChargeError::InsufficientFunds {
                balance,
                requested: amount,
            })
        } else {
            let left = balance - amount;
            self.balances.insert(account.to_owned(), left);
            self.receipts += 1;
            Ok(Receipt {
                charge_id: self.receipts,
                account: account.to_owned(),
                amount,
                balance_after: left,
            })
        };
        self.by_key.insert(key.to_owned(), self.log.len());
        self.log.push((account.to_owned(), amount, answer.clone()));
        answer
    }
}
