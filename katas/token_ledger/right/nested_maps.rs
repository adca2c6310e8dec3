//! Balances in a `BTreeMap`, allowances as a map of maps (owner, then spender), and every change
//! computed in full before anything is written.

use std::collections::{BTreeMap, HashMap};

pub const ZERO_ADDRESS: &str = "";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Transfer {
        from: String,
        to: String,
        value: u128,
    },
    Approval {
        owner: String,
        spender: String,
        value: u128,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerError {
    InsufficientBalance,
    InsufficientAllowance,
    Overflow,
}

pub struct Ledger {
    supply: u128,
    balances: BTreeMap<String, u128>,
    allowances: HashMap<String, HashMap<String, u128>>,
    log: Vec<Event>,
}

impl Ledger {
    pub fn new(owner: &str, initial_supply: u128) -> Self {
        let mut ledger = Ledger {
            supply: 0,
            balances: BTreeMap::new(),
            allowances: HashMap::new(),
            log: Vec::new(),
        };
        ledger
            .mint(owner, initial_supply)
            .expect("an empty ledger can mint any u128");
        ledger
    }

    pub fn total_supply(&self) -> u128 {
        self.supply
    }

    pub fn balance_of(&self, account: &str) -> u128 {
        self.balances.get(account).copied().unwrap_or(0)
    }

    pub fn allowance(&self, owner: &str, spender: &str) -> u128 {
        self.allowances
            .get(owner)
            .and_then(|by_spender| by_spender.get(spender))
            .copied()
            .unwrap_or(0)
    }

    /// Moves `value` after the balance check; safe for `from == to` because the debit is
    /// written before the credit is read.
    fn move_tokens(&mut self, from: &str, to: &str, value: u128) -> Result<(), LedgerError> {
        let from_balance = self.balance_of(from);
        if from_balance < value {
            return Err(LedgerError::InsufficientBalance);
        }
        self.balances.insert(from.to_string(), from_balance - value);
        let to_balance = self.balance_of(to);
        // Cannot overflow: the sum of all balances is the supply, a u128.
        self.balances.insert(to.to_string(), to_balance + value);
        self.log.push(Event::Transfer {
            from: from.to_string(),
            to: to.to_string(),
            value,
        });
        Ok(())
    }

    pub fn transfer(&mut self, from: &str, to: &str, value: u128) -> Result<(), LedgerError> {
        self.move_tokens(from, to, value)
    }

    pub fn approve(&mut self, owner: &str, spender: &str, value: u128) {
        self.allowances
            .entry(owner.to_string())
            .or_default()
            .insert(spender.to_string(), value);
        self.log.push(Event::Approval {
            owner: owner.to_string(),
            spender: spender.to_string(),
            value,
        });
    }

    pub fn transfer_from(
        &mut self,
        spender: &str,
        from: &str,
        to: &str,
        value: u128,
    ) -> Result<(), LedgerError> {
        let allowed = self.allowance(from, spender);
        if allowed < value {
            return Err(LedgerError::InsufficientAllowance);
        }
        self.move_tokens(from, to, value)?;
        self.allowances
            .entry(from.to_string())
            .or_default()
            .insert(spender.to_string(), allowed - value);
        Ok(())
    }

    pub fn mint(&mut self, to: &str, value: u128) -> Result<(), LedgerError> {
        let Some(supply) = self.supply.checked_add(value) else {
            return Err(LedgerError::Overflow);
        };
        self.supply = supply;
        let balance = self.balance_of(to);
        self.balances.insert(to.to_string(), balance + value);
        self.log.push(Event::Transfer {
            from: ZERO_ADDRESS.to_string(),
            to: to.to_string(),
            value,
        });
        Ok(())
    }

    pub fn burn(&mut self, from: &str, value: u128) -> Result<(), LedgerError> {
        let balance = self.balance_of(from);
        if balance < value {
            return Err(LedgerError::InsufficientBalance);
        }
        self.balances.insert(from.to_string(), balance - value);
        self.supply -= value;
        self.log.push(Event::Transfer {
            from: from.to_string(),
            to: ZERO_ADDRESS.to_string(),
            value,
        });
        Ok(())
    }

    pub fn events(&self) -> &[Event] {
        &self.log
    }
}
