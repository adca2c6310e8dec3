//! Looks up the receiving account before the sending one, so a transfer between two unknown
//! accounts names `to` instead of `from`.

pub use accounts::Account;
pub use ledger::{Bank, BankError};

/// Everything a user needs, for `use modules_visibility::prelude::*;`.
pub mod prelude {
    pub use crate::{Account, Bank, BankError};
}

pub mod accounts {
    use crate::ledger::BankError;

    /// One account. Its fields are private: a balance changes only through the bank.
    #[derive(Debug)]
    pub struct Account {
        id: u32,
        balance: u64,
    }

    impl Account {
        /// Only the bank opens accounts, so that ids stay unique.
        pub(crate) fn new(id: u32) -> Account {
            Account { id, balance: 0 }
        }

        pub fn id(&self) -> u32 {
            self.id
        }

        pub fn balance(&self) -> u64 {
            self.balance
        }

        pub(crate) fn deposit(&mut self, amount: u64) -> Result<(), BankError> {
            self.balance = self
                .balance
                .checked_add(amount)
                .ok_or(BankError::Overflow)?;
            Ok(())
        }

        pub(crate) fn withdraw(&mut self, amount: u64) -> Result<(), BankError> {
            if amount > self.balance {
                return Err(BankError::InsufficientFunds {
                    available: self.balance,
                    requested: amount,
                });
            }
            self.balance -= amount;
            Ok(())
        }
    }
}

pub mod ledger {
    use crate::accounts::Account;
    use crate::validation::check_amount;
    use std::collections::BTreeMap;

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
        accounts: BTreeMap<u32, Account>,
        last_id: u32,
    }

    impl Bank {
        pub fn new() -> Bank {
            Bank::default()
        }

        /// Opens an empty account and returns its id: 1, 2, 3, ... never reused.
        pub fn open(&mut self) -> u32 {
            self.last_id += 1;
            let id = self.last_id;
            self.accounts.insert(id, Account::new(id));
            id
        }

        /// Removes the account and hands it to the caller.
        pub fn close(&mut self, id: u32) -> Result<Account, BankError> {
            self.accounts
                .remove(&id)
                .ok_or(BankError::UnknownAccount(id))
        }

        pub fn account(&self, id: u32) -> Option<&Account> {
            self.accounts.get(&id)
        }

        pub fn deposit(&mut self, id: u32, amount: u64) -> Result<(), BankError> {
            check_amount(amount)?;
            self.account_mut(id)?.deposit(amount)
        }

        pub fn withdraw(&mut self, id: u32, amount: u64) -> Result<(), BankError> {
            check_amount(amount)?;
            self.account_mut(id)?.withdraw(amount)
        }

        /// Moves `amount` from `from` to `to`, or changes nothing.
        pub fn transfer(&mut self, from: u32, to: u32, amount: u64) -> Result<(), BankError> {
            check_amount(amount)?;
            let target = self.balance_of(to)?;
            let available = self.balance_of(from)?;
            if available < amount {
                return Err(BankError::InsufficientFunds {
                    available,
                    requested: amount,
                });
            }
            // Check the receiving side before touching either balance, so that a refused
            // transfer leaves both accounts as they were.
            if from != to && target.checked_add(amount).is_none() {
                return Err(BankError::Overflow);
            }
            self.account_mut(from)?.withdraw(amount)?;
            self.account_mut(to)?.deposit(amount)
        }

        fn balance_of(&self, id: u32) -> Result<u64, BankError> {
            self.account(id)
                .map(Account::balance)
                .ok_or(BankError::UnknownAccount(id))
        }

        /// The one place that hands out `&mut Account`; private to the ledger.
        fn account_mut(&mut self, id: u32) -> Result<&mut Account, BankError> {
            self.accounts
                .get_mut(&id)
                .ok_or(BankError::UnknownAccount(id))
        }
    }
}

/// Rules shared by the ledger's operations; not part of the public API.
mod validation {
    use crate::ledger::BankError;

    pub(crate) fn check_amount(amount: u64) -> Result<(), BankError> {
        if amount == 0 {
            Err(BankError::ZeroAmount)
        } else {
            Ok(())
        }
    }
}
