//! Accounts live in a `Vec<Option<Account>>` indexed by id (a closed account leaves `None`),
//! the fields are `pub(crate)`, and a transfer withdraws first and puts the money back if the
//! deposit is refused.

pub use accounts::Account;
pub use ledger::{Bank, BankError};

pub mod prelude {
    pub use crate::accounts::Account;
    pub use crate::ledger::{Bank, BankError};
}

pub mod accounts {
    use crate::ledger::BankError;

    #[derive(Debug)]
    pub struct Account {
        pub(crate) id: u32,
        pub(crate) balance: u64,
    }

    impl Account {
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
            match self.balance.checked_add(amount) {
                Some(balance) => {
                    self.balance = balance;
                    Ok(())
                }
                None => Err(BankError::Overflow),
            }
        }

        pub(crate) fn withdraw(&mut self, amount: u64) -> Result<(), BankError> {
            match self.balance.checked_sub(amount) {
                Some(balance) => {
                    self.balance = balance;
                    Ok(())
                }
                None => Err(BankError::InsufficientFunds {
                    available: self.balance,
                    requested: amount,
                }),
            }
        }
    }
}

pub mod ledger {
    use crate::accounts::Account;
    use crate::validation;

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum BankError {
        ZeroAmount,
        UnknownAccount(u32),
        InsufficientFunds { available: u64, requested: u64 },
        Overflow,
    }

    pub struct Bank {
        /// Slot `i` holds account `i + 1`.
        slots: Vec<Option<Account>>,
    }

    impl Default for Bank {
        fn default() -> Self {
            Self::new()
        }
    }

    impl Bank {
        pub fn new() -> Bank {
            Bank { slots: Vec::new() }
        }

        pub fn open(&mut self) -> u32 {
            let id = self.slots.len() as u32 + 1;
            self.slots.push(Some(Account::new(id)));
            id
        }

        pub fn close(&mut self, id: u32) -> Result<Account, BankError> {
            self.slot(id)
                .and_then(|i| self.slots[i].take())
                .ok_or(BankError::UnknownAccount(id))
        }

        pub fn account(&self, id: u32) -> Option<&Account> {
            self.slot(id).and_then(|i| self.slots[i].as_ref())
        }

        pub fn deposit(&mut self, id: u32, amount: u64) -> Result<(), BankError> {
            validation::check_amount(amount)?;
            self.account_mut(id)?.deposit(amount)
        }

        pub fn withdraw(&mut self, id: u32, amount: u64) -> Result<(), BankError> {
            validation::check_amount(amount)?;
            self.account_mut(id)?.withdraw(amount)
        }

        pub fn transfer(&mut self, from: u32, to: u32, amount: u64) -> Result<(), BankError> {
            validation::check_amount(amount)?;
            self.account_mut(from)?;
            self.account_mut(to)?;
            self.account_mut(from)?.withdraw(amount)?;
            if let Err(refused) = self.account_mut(to)?.deposit(amount) {
                // Undo the withdrawal: the money fitted there a moment ago.
                self.account_mut(from)?.balance += amount;
                return Err(refused);
            }
            Ok(())
        }

        fn slot(&self, id: u32) -> Option<usize> {
            let i = (id as usize).checked_sub(1)?;
            (i < self.slots.len()).then_some(i)
        }

        fn account_mut(&mut self, id: u32) -> Result<&mut Account, BankError> {
            match self.slot(id) {
                Some(i) => self.slots[i].as_mut().ok_or(BankError::UnknownAccount(id)),
                None => Err(BankError::UnknownAccount(id)),
            }
        }
    }
}

pub(crate) mod validation {
    use crate::ledger::BankError;

    pub(crate) fn check_amount(amount: u64) -> Result<(), BankError> {
        if amount == 0 {
            return Err(BankError::ZeroAmount);
        }
        Ok(())
    }
}
