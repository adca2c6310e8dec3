//! Checks overflow on the recipient's balance only and saturates the total supply: minting to a
//! second account past `u128::MAX` succeeds, and the balances no longer add up to the supply.

use std::collections::HashMap;

/// The account name used for the other side of mints and burns (Ethereum's zero address).
pub const ZERO_ADDRESS: &str = "";

/// What the ledger emits, in order.
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

/// Why an operation was refused; a refused operation changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerError {
    InsufficientBalance,
    InsufficientAllowance,
    Overflow,
}

/// An ERC-20-like token ledger.
pub struct Ledger {
    total_supply: u128,
    balances: HashMap<String, u128>,
    /// (owner, spender) -> how much spender may still move from owner.
    allowances: HashMap<(String, String), u128>,
    events: Vec<Event>,
}

impl Ledger {
    /// A ledger whose whole initial supply belongs to `owner`; the same as an empty ledger
    /// followed by `mint(owner, initial_supply)`.
    pub fn new(owner: &str, initial_supply: u128) -> Self {
        let mut ledger = Ledger {
            total_supply: 0,
            balances: HashMap::new(),
            allowances: HashMap::new(),
            events: Vec::new(),
        };
        ledger
            .mint(owner, initial_supply)
            .expect("minting into an empty ledger cannot overflow");
        ledger
    }

    pub fn total_supply(&self) -> u128 {
        self.total_supply
    }

    pub fn balance_of(&self, account: &str) -> u128 {
        self.balances.get(account).copied().unwrap_or(0)
    }

    pub fn allowance(&self, owner: &str, spender: &str) -> u128 {
        self.allowances
            .get(&(owner.to_string(), spender.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// Moves `value` from `from` to `to` after the caller has checked everything. Written as a
    /// debit followed by a credit, so that `from == to` leaves the balance unchanged.
    fn move_balance(&mut self, from: &str, to: &str, value: u128) {
        *self.balances.get_mut(from).expect("checked by the caller") -= value;
        // Cannot overflow: the sum of all balances is the total supply, a u128.
        *self.balances.entry(to.to_string()).or_insert(0) += value;
        self.events.push(Event::Transfer {
            from: from.to_string(),
            to: to.to_string(),
            value,
        });
    }

    /// `from` sends `value` of its own tokens to `to`.
    pub fn transfer(&mut self, from: &str, to: &str, value: u128) -> Result<(), LedgerError> {
        if self.balance_of(from) < value {
            return Err(LedgerError::InsufficientBalance);
        }
        self.balances.entry(from.to_string()).or_insert(0);
        self.move_balance(from, to, value);
        Ok(())
    }

    /// `owner` allows `spender` to move up to `value` of its tokens (replacing any earlier
    /// allowance).
    pub fn approve(&mut self, owner: &str, spender: &str, value: u128) {
        self.allowances
            .insert((owner.to_string(), spender.to_string()), value);
        self.events.push(Event::Approval {
            owner: owner.to_string(),
            spender: spender.to_string(),
            value,
        });
    }

    /// `spender` moves `value` of `from`'s tokens to `to`, using up that much allowance.
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
        if self.balance_of(from) < value {
            return Err(LedgerError::InsufficientBalance);
        }
        // All checks passed: now write.
        self.allowances
            .insert((from.to_string(), spender.to_string()), allowed - value);
        self.balances.entry(from.to_string()).or_insert(0);
        self.move_balance(from, to, value);
        Ok(())
    }

    /// Creates `value` new tokens for `to`.
    pub fn mint(&mut self, to: &str, value: u128) -> Result<(), LedgerError> {
        let balance = self.balance_of(to);
        let new_balance = balance.checked_add(value).ok_or(LedgerError::Overflow)?;
        self.total_supply = self.total_supply.saturating_add(value);
        self.balances.insert(to.to_string(), new_balance);
        self.events.push(Event::Transfer {
            from: ZERO_ADDRESS.to_string(),
            to: to.to_string(),
            value,
        });
        Ok(())
    }

    /// Destroys `value` of `from`'s tokens.
    pub fn burn(&mut self, from: &str, value: u128) -> Result<(), LedgerError> {
        let balance = self.balance_of(from);
        if balance < value {
            return Err(LedgerError::InsufficientBalance);
        }
        self.balances.insert(from.to_string(), balance - value);
        self.total_supply -= value;
        self.events.push(Event::Transfer {
            from: from.to_string(),
            to: ZERO_ADDRESS.to_string(),
            value,
        });
        Ok(())
    }

    /// Every event so far, oldest first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}
