//! Modules and visibility: see the task statement (`kata hint modules_visibility` when stuck).
//!
//! Everything below is `pub` for now, so users of the crate can reach things they must not:
//! set a balance directly, open an account outside the bank, or skip the amount check. Give each
//! item the narrowest visibility that still lets the crate compile, and write the bodies.

pub use accounts::Account;
pub use ledger::{Bank, BankError};

/// Everything a user needs, for `use modules_visibility::prelude::*;`.
pub mod prelude {
    pub use crate::{Account, Bank, BankError};
}

pub mod accounts {
    use crate::ledger::BankError;

    /// One account. Only the bank may change its balance.
    #[derive(Debug)]
    pub struct Account {
        pub id: u32,
        pub balance: u64,
    }

    impl Account {
        /// A new, empty account. Only the bank opens accounts, so that ids stay unique.
        pub fn new(id: u32) -> Account {
            let _ = id;
            todo!("build an empty account")
        }

        pub fn id(&self) -> u32 {
            todo!("the account's id")
        }

        pub fn balance(&self) -> u64 {
            todo!("the account's balance")
        }

        /// Adds `amount`; `Overflow` (and no change) if the balance would pass `u64::MAX`.
        pub fn deposit(&mut self, amount: u64) -> Result<(), BankError> {
            let _ = amount;
            todo!("add to the balance without overflowing")
        }

        /// Takes `amount` away; `InsufficientFunds` (and no change) if the balance is smaller.
        pub fn withdraw(&mut self, amount: u64) -> Result<(), BankError> {
            let _ = amount;
            todo!("take from the balance")
        }
    }
}

pub mod ledger {
    use crate::accounts::Account;

    /// Why a bank operation was refused. A refused operation changes nothing.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum BankError {
        ZeroAmount,
        UnknownAccount(u32),
        InsufficientFunds { available: u64, requested: u64 },
        Overflow,
    }

    /// The accounts of one bank, by id.
    #[derive(Debug, Default)]
    pub struct Bank {
        // Your fields here (the accounts by id, and whatever you need to hand out new ids).
    }

    impl Bank {
        pub fn new() -> Bank {
            todo!("a bank with no accounts")
        }

        /// Opens an empty account and returns its id: 1, 2, 3, ... never reused.
        pub fn open(&mut self) -> u32 {
            todo!("open an account")
        }

        /// Removes the account and hands it to the caller.
        pub fn close(&mut self, id: u32) -> Result<Account, BankError> {
            let _ = id;
            todo!("close an account")
        }

        pub fn account(&self, id: u32) -> Option<&Account> {
            let _ = id;
            todo!("look an account up")
        }

        pub fn deposit(&mut self, id: u32, amount: u64) -> Result<(), BankError> {
            let _ = (id, amount);
            todo!("check the amount, find the account, deposit")
        }

        pub fn withdraw(&mut self, id: u32, amount: u64) -> Result<(), BankError> {
            let _ = (id, amount);
            todo!("check the amount, find the account, withdraw")
        }

        /// Moves `amount` from `from` to `to`, or changes nothing.
        pub fn transfer(&mut self, from: u32, to: u32, amount: u64) -> Result<(), BankError> {
            let _ = (from, to, amount);
            todo!("move money between two accounts, all or nothing")
        }

        /// Finds an account for changing it. Only the ledger needs this.
        pub fn account_mut(&mut self, id: u32) -> Result<&mut Account, BankError> {
            let _ = id;
            todo!("find an account, or UnknownAccount(id)")
        }
    }
}

/// Rules shared by the ledger's operations.
pub mod validation {
    use crate::ledger::BankError;

    /// `ZeroAmount` for 0, `Ok(())` for anything else.
    pub fn check_amount(amount: u64) -> Result<(), BankError> {
        let _ = amount;
        todo!("refuse zero amounts")
    }
}
