use kata_assert::{expect, expect_eq};
use token_ledger::{Event, Ledger, LedgerError, ZERO_ADDRESS};

fn transfer(from: &str, to: &str, value: u128) -> Event {
    Event::Transfer {
        from: from.to_string(),
        to: to.to_string(),
        value,
    }
}

fn approval(owner: &str, spender: &str, value: u128) -> Event {
    Event::Approval {
        owner: owner.to_string(),
        spender: spender.to_string(),
        value,
    }
}

/// Everything observable about the ledger for a few accounts, to check "nothing changed".
fn snapshot(l: &Ledger, accounts: &[&str]) -> (u128, Vec<u128>, Vec<u128>, usize) {
    let balances = accounts.iter().map(|a| l.balance_of(a)).collect();
    let allowances = accounts
        .iter()
        .flat_map(|o| accounts.iter().map(move |s| (o, s)))
        .map(|(o, s)| l.allowance(o, s))
        .collect();
    (l.total_supply(), balances, allowances, l.events().len())
}

const WHO: [&str; 4] = ["alice", "bob", "carol", "dex"];

#[test]
fn new_mints_the_supply_to_the_owner() {
    let l = Ledger::new("alice", 1_000);
    expect_eq!(l.total_supply(), 1_000, "the initial supply");
    expect_eq!(l.balance_of("alice"), 1_000, "the owner holds all of it");
    expect_eq!(l.balance_of("bob"), 0, "everyone else holds 0");
    expect_eq!(
        l.events().to_vec(),
        vec![transfer(ZERO_ADDRESS, "alice", 1_000)],
        "new emits one mint event: Transfer from \"\" to the owner"
    );
}

#[test]
fn new_with_zero_supply_still_emits_the_mint() {
    let l = Ledger::new("alice", 0);
    expect_eq!(l.total_supply(), 0, "supply 0");
    expect_eq!(
        l.events().to_vec(),
        vec![transfer("", "alice", 0)],
        "new is mint(owner, 0): a zero-value Transfer is still emitted"
    );
}

#[test]
fn unknown_allowance_is_zero() {
    let l = Ledger::new("alice", 1_000);
    expect_eq!(
        l.allowance("alice", "dex"),
        0,
        "no approval yet: allowance 0"
    );
}

#[test]
fn transfer_moves_tokens_and_emits() {
    let mut l = Ledger::new("alice", 1_000);
    expect_eq!(
        l.transfer("alice", "bob", 250),
        Ok(()),
        "alice can send 250 of her 1,000"
    );
    expect_eq!(l.balance_of("alice"), 750, "alice: 1,000 - 250");
    expect_eq!(l.balance_of("bob"), 250, "bob: 0 + 250");
    expect_eq!(
        l.total_supply(),
        1_000,
        "transfers do not change the supply"
    );
    expect_eq!(
        l.events().last().cloned(),
        Some(transfer("alice", "bob", 250)),
        "Transfer {{ from: alice, to: bob, value: 250 }}"
    );
}

#[test]
fn transfer_of_the_whole_balance_works() {
    let mut l = Ledger::new("alice", 1_000);
    expect_eq!(
        l.transfer("alice", "bob", 1_000),
        Ok(()),
        "a balance equal to the value is enough"
    );
    expect_eq!(l.balance_of("alice"), 0, "alice is left with 0");
}

#[test]
fn transfer_beyond_the_balance_fails_without_effect() {
    let mut l = Ledger::new("alice", 1_000);
    let before = snapshot(&l, &WHO);
    expect_eq!(
        l.transfer("alice", "bob", 1_001),
        Err(LedgerError::InsufficientBalance),
        "1,001 from a balance of 1,000"
    );
    expect_eq!(
        l.transfer("bob", "alice", 1),
        Err(LedgerError::InsufficientBalance),
        "bob has nothing to send"
    );
    expect_eq!(
        snapshot(&l, &WHO),
        before,
        "failed transfers change nothing and emit nothing"
    );
}

#[test]
fn transfer_to_oneself_keeps_the_balance() {
    let mut l = Ledger::new("alice", 1_000);
    expect_eq!(
        l.transfer("alice", "alice", 600),
        Ok(()),
        "a transfer to oneself is allowed"
    );
    expect_eq!(
        l.balance_of("alice"),
        1_000,
        "it leaves the balance unchanged (no tokens created)"
    );
    expect_eq!(l.total_supply(), 1_000, "the supply is unchanged");
    expect_eq!(
        l.events().last().cloned(),
        Some(transfer("alice", "alice", 600)),
        "it emits its Transfer event"
    );
    expect_eq!(
        l.transfer("alice", "alice", 1_001),
        Err(LedgerError::InsufficientBalance),
        "it still needs the balance"
    );
}

#[test]
fn zero_value_transfer_emits_an_event() {
    let mut l = Ledger::new("alice", 10);
    expect_eq!(
        l.transfer("bob", "carol", 0),
        Ok(()),
        "a transfer of 0 needs no balance"
    );
    expect_eq!(
        l.events().last().cloned(),
        Some(transfer("bob", "carol", 0)),
        "zero-value transfers emit Transfer like any other"
    );
    expect_eq!(l.balance_of("carol"), 0, "nothing moved");
}

#[test]
fn approve_sets_the_allowance_and_emits() {
    let mut l = Ledger::new("alice", 1_000);
    l.approve("alice", "dex", 300);
    expect_eq!(
        l.allowance("alice", "dex"),
        300,
        "dex may move 300 of alice's tokens"
    );
    expect_eq!(l.allowance("dex", "alice"), 0, "allowances are directional");
    expect_eq!(
        l.events().last().cloned(),
        Some(approval("alice", "dex", 300)),
        "Approval {{ owner: alice, spender: dex, value: 300 }}"
    );
}

#[test]
fn approve_replaces_instead_of_adding() {
    let mut l = Ledger::new("alice", 1_000);
    l.approve("alice", "dex", 300);
    l.approve("alice", "dex", 50);
    expect_eq!(
        l.allowance("alice", "dex"),
        50,
        "the second approval replaces the first"
    );
    l.approve("alice", "dex", 0);
    expect_eq!(l.allowance("alice", "dex"), 0, "approving 0 revokes");
    expect_eq!(
        l.events().last().cloned(),
        Some(approval("alice", "dex", 0)),
        "revoking emits Approval with value 0"
    );
}

#[test]
fn approve_may_exceed_the_balance() {
    let mut l = Ledger::new("alice", 10);
    l.approve("alice", "dex", u128::MAX);
    expect_eq!(
        l.allowance("alice", "dex"),
        u128::MAX,
        "an allowance is not limited by the balance"
    );
}

#[test]
fn transfer_from_moves_tokens_and_uses_up_allowance() {
    let mut l = Ledger::new("alice", 1_000);
    l.approve("alice", "dex", 300);
    expect_eq!(
        l.transfer_from("dex", "alice", "bob", 200),
        Ok(()),
        "dex moves 200 of its 300 allowance"
    );
    expect_eq!(l.balance_of("alice"), 800, "alice: 1,000 - 200");
    expect_eq!(l.balance_of("bob"), 200, "bob: 0 + 200");
    expect_eq!(
        l.balance_of("dex"),
        0,
        "the spender's own balance is untouched"
    );
    expect_eq!(
        l.allowance("alice", "dex"),
        100,
        "the allowance goes down by exactly 200"
    );
}

#[test]
fn allowance_cannot_be_spent_twice() {
    let mut l = Ledger::new("alice", 1_000);
    l.approve("alice", "dex", 300);
    expect_eq!(
        l.transfer_from("dex", "alice", "dex", 300),
        Ok(()),
        "the whole allowance once"
    );
    expect_eq!(
        l.transfer_from("dex", "alice", "dex", 300),
        Err(LedgerError::InsufficientAllowance),
        "the allowance is used up: a second pull must fail"
    );
    expect_eq!(l.balance_of("alice"), 700, "alice lost 300, not 600");
}

#[test]
fn a_maximal_allowance_is_used_up_too() {
    let mut l = Ledger::new("alice", 1_000);
    l.approve("alice", "dex", u128::MAX);
    expect_eq!(
        l.transfer_from("dex", "alice", "bob", 100),
        Ok(()),
        "an allowance of u128::MAX covers 100"
    );
    expect_eq!(
        l.allowance("alice", "dex"),
        u128::MAX - 100,
        "there is no infinite allowance: u128::MAX goes down by exactly 100"
    );
}

#[test]
fn many_small_pulls_add_up_to_the_allowance() {
    let mut l = Ledger::new("alice", 1_000);
    l.approve("alice", "dex", 10);
    for i in 0..10 {
        expect_eq!(
            l.transfer_from("dex", "alice", "bob", 1),
            Ok(()),
            "pull {} of 1",
            i + 1
        );
    }
    expect_eq!(
        l.transfer_from("dex", "alice", "bob", 1),
        Err(LedgerError::InsufficientAllowance),
        "ten pulls of 1 use up an allowance of 10"
    );
    expect_eq!(l.balance_of("bob"), 10, "bob received exactly 10");
}

#[test]
fn transfer_from_emits_only_a_transfer() {
    let mut l = Ledger::new("alice", 1_000);
    l.approve("alice", "dex", 300);
    let before = l.events().len();
    l.transfer_from("dex", "alice", "bob", 200).unwrap();
    expect_eq!(
        l.events()[before..].to_vec(),
        vec![transfer("alice", "bob", 200)],
        "transfer_from emits one Transfer {{ from: alice, to: bob }} and no Approval"
    );
}

#[test]
fn transfer_from_without_allowance_fails() {
    let mut l = Ledger::new("alice", 1_000);
    let before = snapshot(&l, &WHO);
    expect_eq!(
        l.transfer_from("dex", "alice", "dex", 1),
        Err(LedgerError::InsufficientAllowance),
        "no approval, no pull"
    );
    expect_eq!(snapshot(&l, &WHO), before, "nothing changed");
}

#[test]
fn transfer_from_checks_allowance_before_balance() {
    let mut l = Ledger::new("alice", 100);
    l.approve("alice", "dex", 50);
    expect_eq!(
        l.transfer_from("dex", "alice", "bob", 500),
        Err(LedgerError::InsufficientAllowance),
        "allowance 50 and balance 100 are both short of 500: the allowance is checked first"
    );
}

#[test]
fn failed_transfer_from_keeps_the_allowance() {
    let mut l = Ledger::new("alice", 100);
    l.approve("alice", "dex", 500);
    let before = snapshot(&l, &WHO);
    expect_eq!(
        l.transfer_from("dex", "alice", "bob", 300),
        Err(LedgerError::InsufficientBalance),
        "allowance 500 covers 300, but alice holds only 100"
    );
    expect_eq!(
        l.allowance("alice", "dex"),
        500,
        "a refused transfer_from must not spend any allowance"
    );
    expect_eq!(
        snapshot(&l, &WHO),
        before,
        "nothing changed and nothing was emitted"
    );
}

#[test]
fn spender_can_send_to_the_owner_itself() {
    let mut l = Ledger::new("alice", 100);
    l.approve("alice", "dex", 60);
    expect_eq!(
        l.transfer_from("dex", "alice", "alice", 60),
        Ok(()),
        "from and to may be the same"
    );
    expect_eq!(l.balance_of("alice"), 100, "alice's balance is unchanged");
    expect_eq!(
        l.allowance("alice", "dex"),
        0,
        "the allowance is still used up"
    );
}

#[test]
fn mint_adds_to_supply_and_balance() {
    let mut l = Ledger::new("alice", 1_000);
    expect_eq!(l.mint("bob", 500), Ok(()), "minting 500 for bob");
    expect_eq!(l.total_supply(), 1_500, "supply 1,000 + 500");
    expect_eq!(l.balance_of("bob"), 500, "bob received 500");
    expect_eq!(
        l.events().last().cloned(),
        Some(transfer("", "bob", 500)),
        "a mint is a Transfer from the zero address"
    );
}

#[test]
fn mint_up_to_u128_max_works() {
    let mut l = Ledger::new("alice", 1_000);
    expect_eq!(
        l.mint("bob", u128::MAX - 1_000),
        Ok(()),
        "the supply may reach exactly u128::MAX"
    );
    expect_eq!(l.total_supply(), u128::MAX, "supply is u128::MAX");
}

#[test]
fn mint_overflow_is_an_error_not_a_wrap() {
    let mut l = Ledger::new("alice", 1_000);
    let before = snapshot(&l, &WHO);
    expect_eq!(
        l.mint("bob", u128::MAX - 999),
        Err(LedgerError::Overflow),
        "1,000 + (u128::MAX - 999) exceeds u128::MAX"
    );
    expect_eq!(
        l.mint("alice", u128::MAX),
        Err(LedgerError::Overflow),
        "minting u128::MAX on top of 1,000 overflows"
    );
    expect_eq!(
        snapshot(&l, &WHO),
        before,
        "a refused mint changes nothing and emits nothing"
    );
}

#[test]
fn full_supply_can_move_between_accounts() {
    let mut l = Ledger::new("alice", u128::MAX);
    expect_eq!(
        l.transfer("alice", "bob", u128::MAX - 1),
        Ok(()),
        "almost everything to bob"
    );
    expect_eq!(
        l.transfer("alice", "bob", 1),
        Ok(()),
        "the last token to bob"
    );
    expect_eq!(l.balance_of("bob"), u128::MAX, "bob holds u128::MAX");
    expect_eq!(
        l.mint("carol", 1),
        Err(LedgerError::Overflow),
        "the supply is already u128::MAX"
    );
}

#[test]
fn burn_removes_tokens() {
    let mut l = Ledger::new("alice", 1_000);
    expect_eq!(l.burn("alice", 400), Ok(()), "alice burns 400");
    expect_eq!(l.balance_of("alice"), 600, "alice: 1,000 - 400");
    expect_eq!(l.total_supply(), 600, "supply: 1,000 - 400");
    expect_eq!(
        l.events().last().cloned(),
        Some(transfer("alice", "", 400)),
        "a burn is a Transfer to the zero address"
    );
}

#[test]
fn burn_beyond_the_balance_fails_without_effect() {
    let mut l = Ledger::new("alice", 1_000);
    l.transfer("alice", "bob", 10).unwrap();
    let before = snapshot(&l, &WHO);
    expect_eq!(
        l.burn("bob", 11),
        Err(LedgerError::InsufficientBalance),
        "bob holds 10 and cannot burn 11"
    );
    expect_eq!(snapshot(&l, &WHO), before, "a refused burn changes nothing");
}

#[test]
fn events_are_listed_in_order() {
    let mut l = Ledger::new("alice", 100);
    l.approve("alice", "dex", 30);
    l.transfer("alice", "bob", 10).unwrap();
    l.transfer_from("dex", "alice", "carol", 30).unwrap();
    let _ = l.transfer("carol", "bob", 31);
    l.mint("bob", 5).unwrap();
    l.burn("bob", 15).unwrap();
    expect_eq!(
        l.events().to_vec(),
        vec![
            transfer("", "alice", 100),
            approval("alice", "dex", 30),
            transfer("alice", "bob", 10),
            transfer("alice", "carol", 30),
            transfer("", "bob", 5),
            transfer("bob", "", 15),
        ],
        "every successful operation's event, oldest first; the refused transfer emits nothing"
    );
}

#[test]
fn balances_always_sum_to_the_supply() {
    let mut l = Ledger::new("alice", 1_000);
    l.approve("alice", "dex", 700);
    let steps: Vec<Box<dyn Fn(&mut Ledger)>> = vec![
        Box::new(|l| {
            let _ = l.transfer("alice", "bob", 300);
        }),
        Box::new(|l| {
            let _ = l.transfer("bob", "bob", 300);
        }),
        Box::new(|l| {
            let _ = l.transfer_from("dex", "alice", "carol", 400);
        }),
        Box::new(|l| {
            let _ = l.transfer_from("dex", "alice", "dex", 400);
        }),
        Box::new(|l| {
            let _ = l.mint("dex", 77);
        }),
        Box::new(|l| {
            let _ = l.burn("carol", 100);
        }),
        Box::new(|l| {
            let _ = l.transfer("carol", "carol", 300);
        }),
        Box::new(|l| {
            let _ = l.mint("alice", u128::MAX);
        }),
    ];
    for (i, step) in steps.iter().enumerate() {
        step(&mut l);
        let sum: u128 = WHO.iter().map(|a| l.balance_of(a)).sum();
        expect_eq!(
            sum,
            l.total_supply(),
            "after step {}, the balances must add up to the total supply",
            i + 1
        );
    }
    expect!(
        l.total_supply() == 977,
        "1,000 + 77 minted - 100 burned = 977"
    );
}
