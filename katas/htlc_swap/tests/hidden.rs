use htlc_swap::{hash_lock, Htlc, HtlcError, State};
use kata_assert::{expect, expect_eq};
use sha2::{Digest, Sha256};

const SECRET: &[u8] = b"alice's secret";
const TIMEOUT: u64 = 1_000;

/// Bob's coins locked for Alice on chain B.
fn contract() -> Htlc {
    Htlc::new("bob", "alice", 10, hash_lock(SECRET), TIMEOUT)
}

#[test]
fn hash_lock_is_sha256() {
    let expected: [u8; 32] = Sha256::digest(SECRET).into();
    expect_eq!(
        hash_lock(SECRET),
        expected,
        "hash_lock(preimage) = SHA-256(preimage)"
    );
    let empty: [u8; 32] = Sha256::digest(b"").into();
    expect_eq!(
        hash_lock(b""),
        empty,
        "hash_lock of the empty preimage is SHA-256 of nothing"
    );
}

#[test]
fn new_contract_is_locked_with_nothing_revealed() {
    let c = contract();
    expect_eq!(c.state(), State::Locked, "a new contract is Locked");
    expect_eq!(
        c.revealed_preimage(),
        None,
        "no preimage is revealed before a claim"
    );
}

#[test]
fn recipient_claims_with_the_preimage_before_timeout() {
    let mut c = contract();
    expect_eq!(
        c.claim("alice", SECRET, 500),
        Ok(10),
        "the claim pays the amount, 10"
    );
    expect_eq!(
        c.state(),
        State::Claimed,
        "a successful claim settles the contract as Claimed"
    );
    expect_eq!(
        c.revealed_preimage(),
        Some(SECRET),
        "the claim reveals the preimage"
    );
}

#[test]
fn claim_at_time_zero_works() {
    let mut c = contract();
    expect_eq!(
        c.claim("alice", SECRET, 0),
        Ok(10),
        "now = 0 is before the timeout"
    );
}

#[test]
fn claim_one_second_before_timeout_works() {
    let mut c = contract();
    expect_eq!(
        c.claim("alice", SECRET, TIMEOUT - 1),
        Ok(10),
        "now = timeout - 1 is still before the timeout"
    );
}

#[test]
fn claim_at_the_timeout_is_expired() {
    let mut c = contract();
    expect_eq!(
        c.claim("alice", SECRET, TIMEOUT),
        Err(HtlcError::Expired),
        "now = timeout: the claim window has closed"
    );
    expect_eq!(c.state(), State::Locked, "a failed claim changes nothing");
}

#[test]
fn claim_after_the_timeout_is_expired() {
    let mut c = contract();
    expect_eq!(
        c.claim("alice", SECRET, TIMEOUT + 500),
        Err(HtlcError::Expired),
        "long after the timeout, the claim is expired"
    );
    expect_eq!(
        c.revealed_preimage(),
        None,
        "an expired claim reveals nothing"
    );
}

#[test]
fn wrong_preimage_is_refused() {
    let mut c = contract();
    expect_eq!(
        c.claim("alice", b"alice's secreT", 10),
        Err(HtlcError::WrongPreimage),
        "a preimage that does not hash to the lock is refused"
    );
    expect_eq!(
        c.claim("alice", &hash_lock(SECRET), 10),
        Err(HtlcError::WrongPreimage),
        "the hash lock itself is not the preimage"
    );
    expect_eq!(
        c.state(),
        State::Locked,
        "failed claims leave the contract Locked"
    );
    expect_eq!(c.revealed_preimage(), None, "failed claims reveal nothing");
    expect_eq!(
        c.claim("alice", SECRET, 11),
        Ok(10),
        "the right preimage still works afterwards"
    );
}

#[test]
fn only_the_recipient_can_claim() {
    let mut c = contract();
    expect_eq!(
        c.claim("mallory", SECRET, 10),
        Err(HtlcError::NotRecipient),
        "someone who learned the secret is still not the recipient"
    );
    expect_eq!(
        c.claim("bob", SECRET, 10),
        Err(HtlcError::NotRecipient),
        "the sender cannot claim"
    );
    expect_eq!(
        c.claim("Alice", SECRET, 10),
        Err(HtlcError::NotRecipient),
        "names are compared exactly"
    );
    expect_eq!(c.state(), State::Locked, "refused claims change nothing");
    expect_eq!(
        c.revealed_preimage(),
        None,
        "a claim refused because of the caller reveals nothing, even with the right preimage"
    );
}

#[test]
fn double_claim_is_refused() {
    let mut c = contract();
    expect_eq!(c.claim("alice", SECRET, 10), Ok(10), "the first claim pays");
    expect_eq!(
        c.claim("alice", SECRET, 11),
        Err(HtlcError::AlreadyClaimed),
        "a second claim must not pay again"
    );
    expect_eq!(c.state(), State::Claimed, "the contract stays Claimed");
}

#[test]
fn sender_refunds_at_the_timeout() {
    let mut c = contract();
    expect_eq!(
        c.refund("bob", TIMEOUT),
        Ok(10),
        "now = timeout: the refund window is open"
    );
    expect_eq!(
        c.state(),
        State::Refunded,
        "a refund settles the contract as Refunded"
    );
    expect_eq!(c.revealed_preimage(), None, "a refund reveals no preimage");
}

#[test]
fn sender_refunds_after_the_timeout() {
    let mut c = contract();
    expect_eq!(
        c.refund("bob", TIMEOUT * 3),
        Ok(10),
        "long after the timeout, refunds work"
    );
}

#[test]
fn refund_before_the_timeout_is_refused() {
    let mut c = contract();
    expect_eq!(
        c.refund("bob", TIMEOUT - 1),
        Err(HtlcError::NotExpired),
        "now = timeout - 1: too early to refund"
    );
    expect_eq!(
        c.refund("bob", 0),
        Err(HtlcError::NotExpired),
        "now = 0: too early"
    );
    expect_eq!(c.state(), State::Locked, "refused refunds change nothing");
}

#[test]
fn only_the_sender_can_refund() {
    let mut c = contract();
    expect_eq!(
        c.refund("alice", TIMEOUT),
        Err(HtlcError::NotSender),
        "the recipient cannot take the refund"
    );
    expect_eq!(
        c.refund("mallory", TIMEOUT + 1),
        Err(HtlcError::NotSender),
        "a stranger cannot take the refund"
    );
    expect_eq!(c.state(), State::Locked, "refused refunds change nothing");
}

#[test]
fn double_refund_is_refused() {
    let mut c = contract();
    expect_eq!(c.refund("bob", TIMEOUT), Ok(10), "the first refund pays");
    expect_eq!(
        c.refund("bob", TIMEOUT + 1),
        Err(HtlcError::AlreadyRefunded),
        "a second refund must not pay again"
    );
}

#[test]
fn no_refund_after_a_claim() {
    let mut c = contract();
    c.claim("alice", SECRET, 999)
        .expect("the claim at 999 succeeds");
    expect_eq!(
        c.refund("bob", TIMEOUT),
        Err(HtlcError::AlreadyClaimed),
        "a claimed contract cannot also be refunded"
    );
    expect_eq!(c.state(), State::Claimed, "it stays Claimed");
}

#[test]
fn no_claim_after_a_refund() {
    let mut c = contract();
    c.refund("bob", TIMEOUT)
        .expect("the refund at the timeout succeeds");
    expect_eq!(
        c.claim("alice", SECRET, TIMEOUT + 1),
        Err(HtlcError::AlreadyRefunded),
        "a refunded contract cannot also be claimed"
    );
    expect_eq!(
        c.claim("alice", SECRET, 5),
        Err(HtlcError::AlreadyRefunded),
        "not even with an earlier clock"
    );
    expect_eq!(c.state(), State::Refunded, "it stays Refunded");
    expect_eq!(c.revealed_preimage(), None, "nothing was revealed");
}

#[test]
fn exactly_one_of_claim_and_refund_at_every_instant() {
    for now in [
        0,
        1,
        TIMEOUT - 2,
        TIMEOUT - 1,
        TIMEOUT,
        TIMEOUT + 1,
        u64::MAX,
    ] {
        let claimable = contract().claim("alice", SECRET, now).is_ok();
        let refundable = contract().refund("bob", now).is_ok();
        expect!(
            claimable != refundable,
            "at now = {} exactly one of claim (possible: {}) and refund (possible: {}) must be possible",
            now,
            claimable,
            refundable
        );
    }
}

#[test]
fn settled_state_is_reported_before_anything_else() {
    let mut claimed = contract();
    claimed.claim("alice", SECRET, 1).unwrap();
    expect_eq!(
        claimed.claim("mallory", b"junk", TIMEOUT * 2),
        Err(HtlcError::AlreadyClaimed),
        "a claimed contract answers AlreadyClaimed first, whoever asks and whenever"
    );
    expect_eq!(
        claimed.refund("mallory", 0),
        Err(HtlcError::AlreadyClaimed),
        "and to refunds too"
    );
    let mut refunded = contract();
    refunded.refund("bob", TIMEOUT).unwrap();
    expect_eq!(
        refunded.claim("mallory", b"junk", 0),
        Err(HtlcError::AlreadyRefunded),
        "a refunded contract answers AlreadyRefunded first"
    );
    expect_eq!(
        refunded.refund("mallory", 0),
        Err(HtlcError::AlreadyRefunded),
        "to refunds too"
    );
}

#[test]
fn claim_checks_caller_then_time_then_preimage() {
    let mut c = contract();
    expect_eq!(
        c.claim("mallory", b"junk", TIMEOUT),
        Err(HtlcError::NotRecipient),
        "wrong caller, expired and wrong preimage: the caller is checked first"
    );
    expect_eq!(
        c.claim("alice", b"junk", TIMEOUT),
        Err(HtlcError::Expired),
        "expired and wrong preimage: the time is checked before the preimage"
    );
}

#[test]
fn refund_checks_caller_then_time() {
    let mut c = contract();
    expect_eq!(
        c.refund("alice", 0),
        Err(HtlcError::NotSender),
        "wrong caller and too early: the caller is checked first"
    );
}

#[test]
fn timeout_zero_can_only_be_refunded() {
    let mut c = Htlc::new("bob", "alice", 3, hash_lock(SECRET), 0);
    expect_eq!(
        c.claim("alice", SECRET, 0),
        Err(HtlcError::Expired),
        "with timeout 0 there is no instant before the timeout"
    );
    expect_eq!(c.refund("bob", 0), Ok(3), "the sender can refund at once");
}

#[test]
fn amount_is_returned_by_claim() {
    let mut c = Htlc::new("bob", "alice", u64::MAX, hash_lock(b"s"), 5);
    expect_eq!(
        c.claim("alice", b"s", 4),
        Ok(u64::MAX),
        "the claim returns the locked amount"
    );
}

#[test]
fn empty_preimage_works_when_it_is_the_secret() {
    let mut c = Htlc::new("bob", "alice", 1, hash_lock(b""), 5);
    expect_eq!(
        c.claim("alice", b"", 1),
        Ok(1),
        "the empty preimage opens hash_lock(\"\")"
    );
    expect_eq!(
        c.revealed_preimage(),
        Some(&b""[..]),
        "the revealed preimage is empty"
    );
}

#[test]
fn atomic_swap_happy_path() {
    // Alice locks 1 BTC for Bob on chain A with the long timeout; Bob locks 10 ETH for Alice on
    // chain B with the same hash and the short timeout.
    let lock = hash_lock(SECRET);
    let mut chain_a = Htlc::new("alice", "bob", 1, lock, 2_000);
    let mut chain_b = Htlc::new("bob", "alice", 10, lock, 1_000);
    expect_eq!(
        chain_b.claim("alice", SECRET, 300),
        Ok(10),
        "Alice claims the ETH, revealing the secret"
    );
    let seen = chain_b
        .revealed_preimage()
        .expect("chain B shows the secret after Alice's claim")
        .to_vec();
    expect_eq!(
        chain_a.claim("bob", &seen, 400),
        Ok(1),
        "Bob uses the revealed secret to claim the BTC"
    );
    expect_eq!(
        (chain_a.state(), chain_b.state()),
        (State::Claimed, State::Claimed),
        "both sides of the swap completed"
    );
}

#[test]
fn atomic_swap_stalled_refunds_both() {
    let lock = hash_lock(SECRET);
    let mut chain_a = Htlc::new("alice", "bob", 1, lock, 2_000);
    let mut chain_b = Htlc::new("bob", "alice", 10, lock, 1_000);
    // Alice waits too long: chain B has timed out.
    expect_eq!(
        chain_b.claim("alice", SECRET, 1_000),
        Err(HtlcError::Expired),
        "Alice's late claim on chain B is refused"
    );
    expect_eq!(
        chain_b.revealed_preimage(),
        None,
        "so the secret was not revealed"
    );
    expect_eq!(
        chain_b.refund("bob", 1_000),
        Ok(10),
        "Bob takes his ETH back"
    );
    expect_eq!(
        chain_a.refund("alice", 1_999),
        Err(HtlcError::NotExpired),
        "chain A's longer timeout has not passed yet"
    );
    expect_eq!(
        chain_a.refund("alice", 2_000),
        Ok(1),
        "Alice takes her BTC back"
    );
}
