use idempotency_keys::{ChargeError, PaymentService, Receipt};
use kata_assert::expect_eq;

fn receipt(charge_id: u64, account: &str, amount: u64, balance_after: u64) -> Receipt {
    Receipt {
        charge_id,
        account: account.to_string(),
        amount,
        balance_after,
    }
}

fn funded(account: &str, amount: u64) -> PaymentService {
    let mut svc = PaymentService::new();
    svc.deposit(account, amount);
    svc
}

#[test]
fn unknown_account_has_zero_balance() {
    let svc = PaymentService::new();
    expect_eq!(svc.balance("nobody"), 0, "every account starts at 0");
}

#[test]
fn deposits_add_up() {
    let mut svc = PaymentService::new();
    svc.deposit("alice", 40);
    svc.deposit("alice", 60);
    svc.deposit("bob", 5);
    expect_eq!(svc.balance("alice"), 100, "40 + 60 deposited to alice");
    expect_eq!(svc.balance("bob"), 5, "bob's deposits are his own");
}

#[test]
fn new_key_charges_and_returns_a_receipt() {
    let mut svc = funded("alice", 100);
    expect_eq!(
        svc.charge("order-1", "alice", 30),
        Ok(receipt(1, "alice", 30, 70)),
        "the first charge: id 1, 30 taken from 100 leaves 70"
    );
    expect_eq!(svc.balance("alice"), 70, "the charge took 30 from 100");
}

#[test]
fn charge_ids_count_successful_charges_from_one() {
    let mut svc = funded("alice", 100);
    svc.deposit("bob", 100);
    expect_eq!(
        svc.charge("a", "alice", 10).map(|r| r.charge_id),
        Ok(1),
        "first successful charge of the service has id 1"
    );
    expect_eq!(
        svc.charge("b", "bob", 10).map(|r| r.charge_id),
        Ok(2),
        "ids are per service, not per account: bob's charge is the second"
    );
    expect_eq!(
        svc.charge("c", "alice", 10).map(|r| r.charge_id),
        Ok(3),
        "third successful charge has id 3"
    );
}

#[test]
fn retry_returns_the_same_receipt() {
    let mut svc = funded("alice", 100);
    let first = svc.charge("order-1", "alice", 30);
    expect_eq!(
        svc.charge("order-1", "alice", 30),
        first,
        "a retry with the same key, account and amount returns the stored answer"
    );
}

#[test]
fn retry_does_not_charge_again() {
    let mut svc = funded("alice", 100);
    let _ = svc.charge("order-1", "alice", 30);
    let _ = svc.charge("order-1", "alice", 30);
    expect_eq!(
        svc.balance("alice"),
        70,
        "a retried charge of 30 must be taken once: 100 - 30"
    );
}

#[test]
fn many_retries_charge_once() {
    let mut svc = funded("alice", 1_000);
    for attempt in 0..50 {
        expect_eq!(
            svc.charge("order-1", "alice", 10),
            Ok(receipt(1, "alice", 10, 990)),
            "attempt {} replays the first receipt",
            attempt
        );
    }
    expect_eq!(
        svc.balance("alice"),
        990,
        "50 attempts with one key are one charge"
    );
}

#[test]
fn retry_takes_no_new_charge_id() {
    let mut svc = funded("alice", 100);
    let _ = svc.charge("a", "alice", 10);
    let _ = svc.charge("a", "alice", 10);
    let _ = svc.charge("a", "alice", 10);
    expect_eq!(
        svc.charge("b", "alice", 10).map(|r| r.charge_id),
        Ok(2),
        "retries are not charges: the next new charge has id 2"
    );
}

#[test]
fn retry_replays_the_original_balance_after() {
    let mut svc = funded("alice", 100);
    let _ = svc.charge("order-1", "alice", 30);
    svc.deposit("alice", 500);
    let _ = svc.charge("order-2", "alice", 1);
    expect_eq!(
        svc.charge("order-1", "alice", 30),
        Ok(receipt(1, "alice", 30, 70)),
        "a retry replays the stored receipt as it was (balance_after 70), not rebuilt from today's balance"
    );
    expect_eq!(
        svc.balance("alice"),
        569,
        "100 - 30 + 500 - 1; the retry changed nothing"
    );
}

#[test]
fn different_keys_are_different_charges() {
    let mut svc = funded("alice", 100);
    let _ = svc.charge("order-1", "alice", 30);
    expect_eq!(
        svc.charge("order-2", "alice", 30),
        Ok(receipt(2, "alice", 30, 40)),
        "a new key with identical parameters is a new request and charges again"
    );
}

#[test]
fn exact_balance_can_be_charged() {
    let mut svc = funded("alice", 30);
    expect_eq!(
        svc.charge("k", "alice", 30),
        Ok(receipt(1, "alice", 30, 0)),
        "a balance equal to the amount is enough"
    );
}

#[test]
fn insufficient_funds_is_declined_without_effect() {
    let mut svc = funded("alice", 30);
    expect_eq!(
        svc.charge("k", "alice", 31),
        Err(ChargeError::InsufficientFunds {
            balance: 30,
            requested: 31
        }),
        "31 from a balance of 30 is declined, reporting the balance and the amount"
    );
    expect_eq!(svc.balance("alice"), 30, "a declined charge takes nothing");
}

#[test]
fn charge_to_an_unknown_account_is_declined() {
    let mut svc = PaymentService::new();
    expect_eq!(
        svc.charge("k", "ghost", 1),
        Err(ChargeError::InsufficientFunds {
            balance: 0,
            requested: 1
        }),
        "an account never seen has balance 0"
    );
}

#[test]
fn decline_takes_no_charge_id() {
    let mut svc = funded("alice", 10);
    let _ = svc.charge("too-much", "alice", 50);
    expect_eq!(
        svc.charge("ok", "alice", 5).map(|r| r.charge_id),
        Ok(1),
        "a declined charge takes no id: the first successful one still has id 1"
    );
}

#[test]
fn decline_is_replayed_even_after_a_deposit() {
    let mut svc = funded("alice", 10);
    let declined = svc.charge("order-1", "alice", 50);
    svc.deposit("alice", 100);
    expect_eq!(
        svc.charge("order-1", "alice", 50),
        declined,
        "the stored answer for the key is the decline; a retry replays it even though funds now suffice"
    );
    expect_eq!(
        svc.balance("alice"),
        110,
        "the replayed decline charged nothing"
    );
}

#[test]
fn key_reused_with_a_different_amount_is_rejected() {
    let mut svc = funded("alice", 100);
    let _ = svc.charge("order-1", "alice", 30);
    expect_eq!(
        svc.charge("order-1", "alice", 31),
        Err(ChargeError::KeyReused),
        "the same key with a different amount is a reused key"
    );
    expect_eq!(svc.balance("alice"), 70, "a reused key charges nothing");
}

#[test]
fn key_reused_for_a_different_account_is_rejected() {
    let mut svc = funded("alice", 100);
    svc.deposit("bob", 100);
    let _ = svc.charge("order-1", "alice", 30);
    expect_eq!(
        svc.charge("order-1", "bob", 30),
        Err(ChargeError::KeyReused),
        "keys are global: the same key for another account is a reused key"
    );
    expect_eq!(svc.balance("bob"), 100, "a reused key charges nothing");
}

#[test]
fn key_reuse_keeps_the_original_answer() {
    let mut svc = funded("alice", 100);
    let first = svc.charge("order-1", "alice", 30);
    let _ = svc.charge("order-1", "alice", 99);
    let _ = svc.charge("order-1", "bob", 30);
    expect_eq!(
        svc.charge("order-1", "alice", 30),
        first,
        "after rejected reuses, a retry of the original request still gets the original receipt"
    );
    expect_eq!(
        svc.charge("next", "alice", 1).map(|r| r.charge_id),
        Ok(2),
        "rejected reuses take no charge id"
    );
}

#[test]
fn declined_key_is_bound_to_its_request_too() {
    let mut svc = funded("alice", 10);
    let _ = svc.charge("order-1", "alice", 50);
    expect_eq!(
        svc.charge("order-1", "alice", 5),
        Err(ChargeError::KeyReused),
        "a key whose first request was declined is still used: another amount is a reused key"
    );
    expect_eq!(svc.balance("alice"), 10, "nothing was charged");
}

#[test]
fn keys_are_compared_exactly() {
    let mut svc = funded("alice", 100);
    let _ = svc.charge("K1", "alice", 10);
    expect_eq!(
        svc.charge("k1", "alice", 10),
        Ok(receipt(2, "alice", 10, 80)),
        "\"K1\" and \"k1\" are different keys"
    );
}

#[test]
fn interleaved_clients_with_timeouts_and_retries() {
    let mut svc = PaymentService::new();
    svc.deposit("alice", 100);
    svc.deposit("bob", 50);
    let a1 = svc.charge("alice-1", "alice", 60);
    let b1 = svc.charge("bob-1", "bob", 80);
    let a1_retry = svc.charge("alice-1", "alice", 60);
    let a2 = svc.charge("alice-2", "alice", 60);
    svc.deposit("bob", 100);
    let b1_retry = svc.charge("bob-1", "bob", 80);
    let b2 = svc.charge("bob-2", "bob", 80);
    let a2_retry = svc.charge("alice-2", "alice", 60);
    expect_eq!(a1, Ok(receipt(1, "alice", 60, 40)), "alice-1 charges 60");
    expect_eq!(
        b1,
        Err(ChargeError::InsufficientFunds {
            balance: 50,
            requested: 80
        }),
        "bob-1 is declined"
    );
    expect_eq!(a1_retry, a1, "alice-1 retried");
    expect_eq!(
        a2,
        Err(ChargeError::InsufficientFunds {
            balance: 40,
            requested: 60
        }),
        "alice-2 is declined: 40 left"
    );
    expect_eq!(
        b1_retry,
        b1,
        "bob-1 retried after a deposit is still the stored decline"
    );
    expect_eq!(
        b2,
        Ok(receipt(2, "bob", 80, 70)),
        "bob-2 is a new key: charged"
    );
    expect_eq!(a2_retry, a2, "alice-2 retried");
    expect_eq!(svc.balance("alice"), 40, "alice paid once");
    expect_eq!(svc.balance("bob"), 70, "bob paid once");
}
