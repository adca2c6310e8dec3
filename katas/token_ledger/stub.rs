//! ERC-20-style token ledger: see the task statement (`kata hint token_ledger` when stuck).

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
    // Your fields here.
}

impl Ledger {
    /// A ledger whose whole initial supply belongs to `owner`.
    pub fn new(owner: &str, initial_supply: u128) -> Self {
        let _ = (owner, initial_supply);
        todo!("an empty ledger, then mint the initial supply to the owner")
    }

    pub fn total_supply(&self) -> u128 {
        todo!()
    }

    pub fn balance_of(&self, account: &str) -> u128 {
        let _ = account;
        todo!()
    }

    pub fn allowance(&self, owner: &str, spender: &str) -> u128 {
        let _ = (owner, spender);
        todo!()
    }

    /// `from` sends `value` of its own tokens to `to`.
    pub fn transfer(&mut self, from: &str, to: &str, value: u128) -> Result<(), LedgerError> {
        let _ = (from, to, value);
        todo!()
    }

    /// `owner` allows `spender` to move up to `value` of its tokens.
    pub fn approve(&mut self, owner: &str, spender: &str, value: u128) {
        let _ = (owner, spender, value);
        todo!()
    }

    /// `spender` moves `value` of `from`'s tokens to `to`, using up that much allowance.
    pub fn transfer_from(
        &mut self,
        spender: &str,
        from: &str,
        to: &str,
        value: u128,
    ) -> Result<(), LedgerError> {
        let _ = (spender, from, to, value);
        todo!()
    }

    /// Creates `value` new tokens for `to`.
    pub fn mint(&mut self, to: &str, value: u128) -> Result<(), LedgerError> {
        let _ = (to, value);
        todo!()
    }

    /// Destroys `value` of `from`'s tokens.
    pub fn burn(&mut self, from: &str, value: u128) -> Result<(), LedgerError> {
        let _ = (from, value);
        todo!()
    }

    /// Every event so far, oldest first.
    pub fn events(&self) -> &[Event] {
        todo!()
    }
}
