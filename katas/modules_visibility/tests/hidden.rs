use kata_assert::{expect, expect_eq};
use modules_visibility::{Account, Bank, BankError};

fn balance(bank: &Bank, id: u32) -> Option<u64> {
    bank.account(id).map(Account::balance)
}

/// A bank with accounts 1 and 2 holding the given balances.
fn two_accounts(first: u64, second: u64) -> Bank {
    let mut bank = Bank::new();
    let a = bank.open();
    let b = bank.open();
    if first > 0 {
        bank.deposit(a, first).unwrap();
    }
    if second > 0 {
        bank.deposit(b, second).unwrap();
    }
    bank
}

/// Stands in for a method the crate must keep internal: when the crate's own item is not
/// visible here, the call resolves to a probe trait's method, which returns this marker.
struct Unreachable;

fn is_unreachable<T: ?Sized>(value: &T) -> bool {
    std::any::type_name_of_val(value) == std::any::type_name::<Unreachable>()
}

#[test]
fn module_paths_and_root_reexports_are_the_same_types() {
    let bank: modules_visibility::ledger::Bank = modules_visibility::Bank::new();
    let account: Option<&modules_visibility::accounts::Account> = bank.account(1);
    expect!(account.is_none(), "a new bank has no account 1");
    let error: modules_visibility::ledger::BankError = modules_visibility::BankError::ZeroAmount;
    expect_eq!(
        error,
        BankError::ZeroAmount,
        "ledger::BankError and the root BankError are the same type"
    );
}

mod through_the_prelude {
    use modules_visibility::prelude::*;

    pub fn open_two_and_transfer() -> (Option<u64>, Result<(), BankError>) {
        let mut bank = Bank::new();
        let a = bank.open();
        let b = bank.open();
        let _ = bank.deposit(a, 10);
        let result = bank.transfer(a, b, 4);
        (bank.account(b).map(Account::balance), result)
    }
}

#[test]
fn prelude_brings_account_bank_and_error_into_scope() {
    expect_eq!(
        through_the_prelude::open_two_and_transfer(),
        (Some(4), Ok(())),
        "with `use modules_visibility::prelude::*`, a 4-unit transfer reaches account 2"
    );
}

#[test]
fn new_bank_has_no_accounts() {
    let bank = Bank::new();
    for id in [0, 1, 2, u32::MAX] {
        expect!(bank.account(id).is_none(), "a new bank has no account {id}");
    }
}

#[test]
fn ids_start_at_one_and_count_up() {
    let mut bank = Bank::new();
    let ids: Vec<u32> = (0..4).map(|_| bank.open()).collect();
    expect_eq!(
        ids,
        vec![1, 2, 3, 4],
        "accounts are numbered 1, 2, 3, ... in the order opened"
    );
}

#[test]
fn new_account_is_empty_and_knows_its_id() {
    let mut bank = Bank::new();
    bank.open();
    let id = bank.open();
    let account = bank.account(id);
    expect_eq!(account.map(Account::id), Some(2), "account 2 reports id 2");
    expect_eq!(
        account.map(Account::balance),
        Some(0),
        "a new account has balance 0"
    );
}

#[test]
fn ids_are_never_reused_after_close() {
    let mut bank = Bank::new();
    let a = bank.open();
    let b = bank.open();
    bank.deposit(b, 50).unwrap();
    expect!(bank.close(a).is_ok(), "closing account 1 works");
    let c = bank.open();
    expect_eq!(
        c,
        3,
        "after opening 1 and 2 and closing 1, the next id is 3"
    );
    expect!(bank.close(b).is_ok(), "closing account 2 works");
    let d = bank.open();
    expect_eq!(
        d,
        4,
        "closing the newest accounts does not free their ids either"
    );
    expect_eq!(balance(&bank, d), Some(0), "the new account 4 is empty");
    expect_eq!(balance(&bank, c), Some(0), "account 3 is untouched");
}

#[test]
fn deposit_adds_to_the_balance() {
    let mut bank = Bank::new();
    let id = bank.open();
    expect_eq!(bank.deposit(id, 25), Ok(()), "depositing 25");
    expect_eq!(bank.deposit(id, 17), Ok(()), "depositing 17");
    expect_eq!(balance(&bank, id), Some(42), "25 + 17 = 42");
}

#[test]
fn deposit_of_zero_is_refused_first() {
    let mut bank = two_accounts(5, 0);
    expect_eq!(
        bank.deposit(1, 0),
        Err(BankError::ZeroAmount),
        "a deposit of 0 is refused"
    );
    expect_eq!(
        bank.deposit(99, 0),
        Err(BankError::ZeroAmount),
        "the amount is checked before the account: 0 to unknown account 99 is ZeroAmount"
    );
    expect_eq!(
        balance(&bank, 1),
        Some(5),
        "a refused deposit changes nothing"
    );
}

#[test]
fn deposit_to_unknown_account_is_refused() {
    let mut bank = two_accounts(0, 0);
    expect_eq!(
        bank.deposit(3, 10),
        Err(BankError::UnknownAccount(3)),
        "there is no account 3"
    );
    expect_eq!(
        bank.deposit(0, 10),
        Err(BankError::UnknownAccount(0)),
        "ids start at 1: there is no account 0"
    );
}

#[test]
fn deposit_up_to_u64_max_is_accepted() {
    let mut bank = two_accounts(0, 0);
    expect_eq!(
        bank.deposit(1, u64::MAX - 1),
        Ok(()),
        "depositing u64::MAX - 1"
    );
    expect_eq!(
        bank.deposit(1, 1),
        Ok(()),
        "one more reaches exactly u64::MAX"
    );
    expect_eq!(balance(&bank, 1), Some(u64::MAX), "the balance is u64::MAX");
}

#[test]
fn deposit_past_u64_max_is_refused_and_changes_nothing() {
    let mut bank = two_accounts(u64::MAX - 5, 0);
    expect_eq!(
        bank.deposit(1, 6),
        Err(BankError::Overflow),
        "u64::MAX - 5 + 6 does not fit in u64"
    );
    expect_eq!(
        balance(&bank, 1),
        Some(u64::MAX - 5),
        "a refused deposit leaves the balance as it was"
    );
}

#[test]
fn withdraw_takes_money_out() {
    let mut bank = two_accounts(100, 0);
    expect_eq!(bank.withdraw(1, 30), Ok(()), "withdrawing 30 of 100");
    expect_eq!(balance(&bank, 1), Some(70), "100 - 30 = 70");
    expect_eq!(
        bank.withdraw(1, 70),
        Ok(()),
        "withdrawing the whole balance is allowed"
    );
    expect_eq!(balance(&bank, 1), Some(0), "the balance is now 0");
}

#[test]
fn withdraw_more_than_the_balance_is_refused() {
    let mut bank = two_accounts(10, 0);
    expect_eq!(
        bank.withdraw(1, 11),
        Err(BankError::InsufficientFunds {
            available: 10,
            requested: 11
        }),
        "withdrawing 11 from a balance of 10"
    );
    expect_eq!(
        bank.withdraw(2, u64::MAX),
        Err(BankError::InsufficientFunds {
            available: 0,
            requested: u64::MAX
        }),
        "withdrawing u64::MAX from an empty account"
    );
    expect_eq!(
        balance(&bank, 1),
        Some(10),
        "a refused withdrawal changes nothing"
    );
}

#[test]
fn withdraw_checks_amount_then_account() {
    let mut bank = two_accounts(10, 0);
    expect_eq!(
        bank.withdraw(7, 0),
        Err(BankError::ZeroAmount),
        "0 from unknown account 7: ZeroAmount first"
    );
    expect_eq!(
        bank.withdraw(7, 1),
        Err(BankError::UnknownAccount(7)),
        "there is no account 7"
    );
}

#[test]
fn transfer_moves_money() {
    let mut bank = two_accounts(100, 5);
    expect_eq!(
        bank.transfer(1, 2, 40),
        Ok(()),
        "transferring 40 from 1 to 2"
    );
    expect_eq!(
        (balance(&bank, 1), balance(&bank, 2)),
        (Some(60), Some(45)),
        "100 - 40 and 5 + 40"
    );
    expect_eq!(
        bank.transfer(2, 1, 45),
        Ok(()),
        "transferring the whole balance back"
    );
    expect_eq!(
        (balance(&bank, 1), balance(&bank, 2)),
        (Some(105), Some(0)),
        "105 and 0"
    );
}

#[test]
fn transfer_without_enough_money_changes_nothing() {
    let mut bank = two_accounts(30, 0);
    expect_eq!(
        bank.transfer(1, 2, 31),
        Err(BankError::InsufficientFunds {
            available: 30,
            requested: 31
        }),
        "transferring 31 from a balance of 30"
    );
    expect_eq!(
        (balance(&bank, 1), balance(&bank, 2)),
        (Some(30), Some(0)),
        "both balances unchanged"
    );
}

#[test]
fn transfer_to_an_unknown_account_takes_nothing() {
    let mut bank = two_accounts(30, 0);
    expect_eq!(
        bank.transfer(1, 9, 10),
        Err(BankError::UnknownAccount(9)),
        "there is no account 9"
    );
    expect_eq!(
        balance(&bank, 1),
        Some(30),
        "the refused transfer must not take the money out of account 1"
    );
}

#[test]
fn transfer_from_an_unknown_account_is_refused() {
    let mut bank = two_accounts(30, 0);
    expect_eq!(
        bank.transfer(9, 1, 10),
        Err(BankError::UnknownAccount(9)),
        "there is no account 9"
    );
    expect_eq!(
        balance(&bank, 1),
        Some(30),
        "the receiving account is unchanged"
    );
    expect_eq!(
        bank.transfer(8, 9, 10),
        Err(BankError::UnknownAccount(8)),
        "with both accounts unknown, `from` is reported"
    );
}

#[test]
fn transfer_checks_the_amount_first() {
    let mut bank = two_accounts(30, 0);
    expect_eq!(
        bank.transfer(1, 2, 0),
        Err(BankError::ZeroAmount),
        "a transfer of 0 is refused"
    );
    expect_eq!(
        bank.transfer(8, 9, 0),
        Err(BankError::ZeroAmount),
        "0 between unknown accounts: ZeroAmount first"
    );
}

#[test]
fn transfer_checks_both_accounts_before_the_funds() {
    let mut bank = two_accounts(5, 0);
    expect_eq!(
        bank.transfer(1, 9, 100),
        Err(BankError::UnknownAccount(9)),
        "an unknown `to` is reported before the missing funds"
    );
}

#[test]
fn transfer_that_would_overflow_the_receiver_changes_nothing() {
    let mut bank = two_accounts(10, u64::MAX - 3);
    expect_eq!(
        bank.transfer(1, 2, 4),
        Err(BankError::Overflow),
        "u64::MAX - 3 + 4 does not fit in u64"
    );
    expect_eq!(
        (balance(&bank, 1), balance(&bank, 2)),
        (Some(10), Some(u64::MAX - 3)),
        "the refused transfer must leave both balances as they were"
    );
    expect_eq!(bank.transfer(1, 2, 3), Ok(()), "3 more still fits exactly");
    expect_eq!(
        (balance(&bank, 1), balance(&bank, 2)),
        (Some(7), Some(u64::MAX)),
        "7 and u64::MAX"
    );
}

#[test]
fn transfer_to_the_same_account_changes_nothing() {
    let mut bank = two_accounts(u64::MAX, 0);
    expect_eq!(
        bank.transfer(1, 1, 5),
        Ok(()),
        "moving 5 from account 1 to itself succeeds"
    );
    expect_eq!(
        balance(&bank, 1),
        Some(u64::MAX),
        "and leaves its balance as it was (no overflow)"
    );
    expect_eq!(
        bank.transfer(2, 2, 1),
        Err(BankError::InsufficientFunds {
            available: 0,
            requested: 1
        }),
        "an empty account cannot move 1 to itself"
    );
}

#[test]
fn close_returns_the_account_with_its_balance() {
    let mut bank = two_accounts(0, 77);
    match bank.close(2) {
        Ok(account) => {
            expect_eq!(account.id(), 2, "the closed account is account 2");
            expect_eq!(account.balance(), 77, "it keeps its balance of 77");
        }
        Err(e) => expect!(false, "closing account 2 must succeed, got {e:?}"),
    }
    expect_eq!(balance(&bank, 1), Some(0), "account 1 is still open");
}

#[test]
fn closed_account_is_unknown_afterwards() {
    let mut bank = two_accounts(10, 20);
    expect!(bank.close(1).is_ok(), "closing account 1");
    expect!(
        bank.account(1).is_none(),
        "account(1) is None after closing it"
    );
    expect_eq!(
        bank.close(1).err(),
        Some(BankError::UnknownAccount(1)),
        "closing it twice is UnknownAccount"
    );
    expect_eq!(
        bank.deposit(1, 5),
        Err(BankError::UnknownAccount(1)),
        "no deposits into a closed account"
    );
    expect_eq!(
        bank.withdraw(1, 5),
        Err(BankError::UnknownAccount(1)),
        "no withdrawals from a closed account"
    );
    expect_eq!(
        bank.transfer(2, 1, 5),
        Err(BankError::UnknownAccount(1)),
        "no transfers to a closed account"
    );
    expect_eq!(balance(&bank, 2), Some(20), "account 2 is untouched");
}

#[test]
fn close_of_unknown_account_is_refused() {
    let mut bank = Bank::new();
    expect_eq!(
        bank.close(1).err(),
        Some(BankError::UnknownAccount(1)),
        "a new bank has no account 1 to close"
    );
}

#[test]
fn operations_touch_only_the_named_accounts() {
    let mut bank = Bank::new();
    let ids: Vec<u32> = (0..4).map(|_| bank.open()).collect();
    for &id in &ids {
        bank.deposit(id, 100).unwrap();
    }
    bank.withdraw(ids[0], 1).unwrap();
    bank.deposit(ids[1], 2).unwrap();
    bank.transfer(ids[2], ids[3], 3).unwrap();
    let balances: Vec<Option<u64>> = ids.iter().map(|&id| balance(&bank, id)).collect();
    expect_eq!(
        balances,
        vec![Some(99), Some(102), Some(97), Some(103)],
        "withdraw 1 from #1, deposit 2 into #2, transfer 3 from #3 to #4"
    );
}

#[test]
fn account_new_is_not_public() {
    #[allow(dead_code)]
    trait Probe {
        fn new(_id: u32) -> Unreachable {
            Unreachable
        }
    }
    impl Probe for Account {}
    let outcome = std::panic::catch_unwind(|| is_unreachable(&Account::new(7)));
    expect!(
        matches!(outcome, Ok(true)),
        "`Account::new` must not be callable from outside the crate (make it pub(crate)): only the bank opens accounts"
    );
}

#[test]
fn account_deposit_is_not_public() {
    #[allow(dead_code)]
    trait Probe {
        fn deposit(&mut self, _amount: u64) -> Unreachable {
            Unreachable
        }
    }
    impl Probe for Account {}
    let mut bank = Bank::new();
    let id = bank.open();
    let Ok(mut account) = bank.close(id) else {
        return expect!(false, "closing a freshly opened account must succeed");
    };
    let outcome = std::panic::catch_unwind(move || is_unreachable(&account.deposit(5)));
    expect!(
        matches!(outcome, Ok(true)),
        "`Account::deposit` must not be callable from outside the crate (make it pub(crate)): only the bank changes balances"
    );
}

#[test]
fn account_withdraw_is_not_public() {
    #[allow(dead_code)]
    trait Probe {
        fn withdraw(&mut self, _amount: u64) -> Unreachable {
            Unreachable
        }
    }
    impl Probe for Account {}
    let mut bank = Bank::new();
    let id = bank.open();
    let Ok(mut account) = bank.close(id) else {
        return expect!(false, "closing a freshly opened account must succeed");
    };
    let outcome = std::panic::catch_unwind(move || is_unreachable(&account.withdraw(5)));
    expect!(
        matches!(outcome, Ok(true)),
        "`Account::withdraw` must not be callable from outside the crate (make it pub(crate)): only the bank changes balances"
    );
}

#[test]
fn bank_account_mut_is_not_public() {
    #[allow(dead_code)]
    trait Probe {
        fn account_mut(&mut self, _id: u32) -> Unreachable {
            Unreachable
        }
    }
    impl Probe for Bank {}
    let mut bank = Bank::new();
    let id = bank.open();
    let outcome = std::panic::catch_unwind(move || {
        let handed_out = bank.account_mut(id);
        is_unreachable(&handed_out)
    });
    expect!(
        matches!(outcome, Ok(true)),
        "`Bank::account_mut` must not be callable from outside the crate (make it private): it would let anyone change a balance"
    );
}
