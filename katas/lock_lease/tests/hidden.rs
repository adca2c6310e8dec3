use kata_assert::{expect, expect_eq};
use lock_lease::{FencedStore, Lease, LeaseLock};

const R: &str = "batch-7";

fn acquired(locks: &mut LeaseLock, owner: &str, ttl: u64, now: u64) -> Lease {
    match locks.acquire(R, owner, ttl, now) {
        Some(lease) => lease,
        None => {
            expect!(
                false,
                "{} should acquire {} at now = {} (no valid lease is held)",
                owner,
                R,
                now
            );
            unreachable!()
        }
    }
}

#[test]
fn free_resource_is_granted() {
    let mut locks = LeaseLock::new();
    let lease = locks.acquire(R, "node-a", 100, 5);
    expect!(lease.is_some(), "a resource never locked is free");
    expect_eq!(
        lease.map(|l| l.expires_at),
        Some(105),
        "expires_at = now + ttl = 5 + 100"
    );
    expect_eq!(locks.holder(R, 5), Some("node-a"), "node-a holds the lock");
}

#[test]
fn unlocked_resource_has_no_holder() {
    let locks = LeaseLock::new();
    expect_eq!(
        locks.holder(R, 0),
        None,
        "nobody holds a resource never locked"
    );
}

#[test]
fn held_resource_is_refused_to_others() {
    let mut locks = LeaseLock::new();
    acquired(&mut locks, "node-a", 100, 0);
    expect_eq!(
        locks.acquire(R, "node-b", 100, 50),
        None,
        "node-a's lease is valid until 100"
    );
    expect_eq!(
        locks.acquire(R, "node-b", 100, 99),
        None,
        "still valid at 99"
    );
    expect_eq!(locks.holder(R, 99), Some("node-a"), "node-a still holds it");
}

#[test]
fn held_resource_is_refused_to_its_own_holder() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect_eq!(
        locks.acquire(R, "node-a", 500, 10),
        None,
        "acquire is not re-entrant: the holder must renew instead"
    );
    expect_eq!(
        locks
            .renew(R, "node-a", a.token, 1, 20)
            .map(|l| l.expires_at),
        Some(21),
        "the refused acquire changed nothing; the lease is still the original one"
    );
}

#[test]
fn lease_expires_exactly_at_expires_at() {
    let mut locks = LeaseLock::new();
    acquired(&mut locks, "node-a", 100, 0);
    expect_eq!(
        locks.holder(R, 100),
        None,
        "at now = expires_at the lease has expired"
    );
    let b = locks.acquire(R, "node-b", 100, 100);
    expect!(
        b.is_some(),
        "node-b can acquire at the instant node-a's lease expires"
    );
}

#[test]
fn resources_are_independent() {
    let mut locks = LeaseLock::new();
    expect!(
        locks.acquire("a", "node-a", 10, 0).is_some(),
        "resource a is free"
    );
    expect!(
        locks.acquire("b", "node-b", 10, 0).is_some(),
        "resource b is free, whoever holds a"
    );
    expect_eq!(locks.holder("a", 1), Some("node-a"), "a's holder");
    expect_eq!(locks.holder("b", 1), Some("node-b"), "b's holder");
}

#[test]
fn tokens_increase_across_expiries() {
    let mut locks = LeaseLock::new();
    let t1 = acquired(&mut locks, "node-a", 10, 0).token;
    let t2 = acquired(&mut locks, "node-b", 10, 10).token;
    let t3 = acquired(&mut locks, "node-a", 10, 25).token;
    expect!(
        t1 < t2 && t2 < t3,
        "each new lease gets a higher token: {} < {} < {}",
        t1,
        t2,
        t3
    );
}

#[test]
fn tokens_increase_across_releases() {
    let mut locks = LeaseLock::new();
    let first = acquired(&mut locks, "node-a", 10, 0);
    expect!(
        locks.release(R, "node-a", first.token, 1),
        "node-a releases its own lease"
    );
    let second = acquired(&mut locks, "node-a", 10, 2);
    expect!(
        second.token > first.token,
        "a lease granted after a release must still get a higher token ({} after {})",
        second.token,
        first.token
    );
}

#[test]
fn renew_extends_and_keeps_the_token() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect_eq!(
        locks.renew(R, "node-a", a.token, 100, 90),
        Some(Lease {
            token: a.token,
            expires_at: 190
        }),
        "renewing at 90 for 100 expires at 190 with the same token"
    );
    expect_eq!(
        locks.holder(R, 150),
        Some("node-a"),
        "the renewed lease is valid at 150"
    );
    expect_eq!(
        locks.acquire(R, "node-b", 10, 150),
        None,
        "node-b must wait for the renewed lease"
    );
}

#[test]
fn renew_sets_expiry_from_now() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect_eq!(
        locks
            .renew(R, "node-a", a.token, 5, 10)
            .map(|l| l.expires_at),
        Some(15),
        "the renewed lease expires at now + ttl = 15, even if that is earlier than before"
    );
    expect_eq!(locks.holder(R, 15), None, "it expired at 15");
}

#[test]
fn expired_lease_cannot_be_renewed() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect_eq!(
        locks.renew(R, "node-a", a.token, 100, 100),
        None,
        "at 100 the lease has expired; renewing it is refused even though nobody took the lock"
    );
    expect_eq!(
        locks.holder(R, 101),
        None,
        "the refused renew did not revive the lease"
    );
}

#[test]
fn renew_needs_owner_and_token() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect_eq!(
        locks.renew(R, "node-b", a.token, 100, 10),
        None,
        "node-b cannot renew node-a's lease, even with its token"
    );
    expect_eq!(
        locks.renew(R, "node-a", a.token + 1, 100, 10),
        None,
        "node-a cannot renew with a token that is not its lease's"
    );
    expect_eq!(
        locks.renew("other", "node-a", a.token, 100, 10),
        None,
        "nothing to renew on another resource"
    );
    expect_eq!(
        locks.holder(R, 99),
        Some("node-a"),
        "the lease is unchanged"
    );
    expect_eq!(locks.holder(R, 100), None, "and still expires at 100");
}

#[test]
fn release_frees_the_lock_at_once() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect!(
        locks.release(R, "node-a", a.token, 10),
        "the holder releases its valid lease"
    );
    expect_eq!(
        locks.holder(R, 10),
        None,
        "nobody holds it after the release"
    );
    expect!(
        locks.acquire(R, "node-b", 100, 10).is_some(),
        "node-b acquires right away"
    );
}

#[test]
fn release_twice_is_refused() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect!(
        locks.release(R, "node-a", a.token, 10),
        "the first release succeeds"
    );
    expect!(
        !locks.release(R, "node-a", a.token, 11),
        "there is nothing left to release"
    );
}

#[test]
fn release_by_another_owner_is_refused() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect!(
        !locks.release(R, "node-b", a.token, 10),
        "node-b must not release node-a's lock, even with the right token"
    );
    expect!(
        !locks.release(R, "node-a", a.token + 7, 10),
        "a wrong token does not release"
    );
    expect_eq!(
        locks.holder(R, 10),
        Some("node-a"),
        "node-a still holds the lock"
    );
}

#[test]
fn stale_holder_cannot_release_the_next_holders_lock() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    acquired(&mut locks, "node-b", 100, 150);
    expect!(
        !locks.release(R, "node-a", a.token, 160),
        "node-a's lease expired and node-b took the lock: node-a's release must be refused"
    );
    expect_eq!(
        locks.holder(R, 160),
        Some("node-b"),
        "node-b keeps the lock"
    );
    expect_eq!(
        locks.acquire(R, "node-c", 100, 170),
        None,
        "and the lock is not free for node-c"
    );
}

#[test]
fn old_session_of_the_same_owner_cannot_release() {
    let mut locks = LeaseLock::new();
    let first = acquired(&mut locks, "node-a", 100, 0);
    let second = acquired(&mut locks, "node-a", 100, 200);
    expect!(
        !locks.release(R, "node-a", first.token, 210),
        "a delayed release from node-a's first lease must not free its second lease"
    );
    expect_eq!(
        locks.holder(R, 210),
        Some("node-a"),
        "the second lease is still held"
    );
    expect!(
        locks.release(R, "node-a", second.token, 220),
        "the current token releases it"
    );
}

#[test]
fn release_after_expiry_is_refused() {
    let mut locks = LeaseLock::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect!(
        !locks.release(R, "node-a", a.token, 100),
        "at 100 the lease has expired: there is no valid lease to release"
    );
}

#[test]
fn release_on_unknown_resource_is_refused() {
    let mut locks = LeaseLock::new();
    expect!(
        !locks.release("nothing", "node-a", 1, 0),
        "nothing was ever locked"
    );
}

#[test]
fn store_accepts_the_first_write() {
    let mut store = FencedStore::new();
    expect_eq!(store.read("k"), None, "nothing written yet");
    expect!(
        store.write("k", 5, "v1"),
        "the first write for a key is accepted"
    );
    expect_eq!(
        store.read("k"),
        Some("v1"),
        "read returns the accepted value"
    );
}

#[test]
fn store_accepts_equal_and_higher_tokens() {
    let mut store = FencedStore::new();
    store.write("k", 5, "v1");
    expect!(
        store.write("k", 5, "v2"),
        "the same holder (same token) may write again"
    );
    expect!(
        store.write("k", 9, "v3"),
        "a newer lease's token is accepted"
    );
    expect_eq!(store.read("k"), Some("v3"), "the last accepted value");
}

#[test]
fn store_rejects_lower_tokens() {
    let mut store = FencedStore::new();
    store.write("k", 9, "new");
    expect!(
        !store.write("k", 5, "stale"),
        "token 5 is older than 9: rejected"
    );
    expect_eq!(
        store.read("k"),
        Some("new"),
        "a rejected write changes nothing"
    );
    expect!(
        !store.write("k", 8, "stale"),
        "token 8 is still older than 9"
    );
    expect!(
        store.write("k", 9, "again"),
        "the highest token stays 9, not 5 or 8"
    );
}

#[test]
fn store_keys_are_fenced_separately() {
    let mut store = FencedStore::new();
    store.write("a", 9, "x");
    expect!(store.write("b", 1, "y"), "key b has seen no token yet");
    expect_eq!(store.read("a"), Some("x"), "key a is unaffected");
}

#[test]
fn paused_holder_is_fenced_off() {
    let mut locks = LeaseLock::new();
    let mut store = FencedStore::new();
    let a = acquired(&mut locks, "node-a", 100, 0);
    expect!(
        store.write(R, a.token, "a: step 1"),
        "node-a writes while its lease is valid"
    );
    // node-a pauses for 200 ms; its lease runs out and node-b takes over.
    let b = acquired(&mut locks, "node-b", 100, 150);
    expect!(
        store.write(R, b.token, "b: step 1"),
        "node-b writes with its newer token"
    );
    // node-a wakes up, still believing it holds the lock.
    expect!(
        !store.write(R, a.token, "a: step 2"),
        "node-a's write carries the older token and must be rejected"
    );
    expect_eq!(
        locks.renew(R, "node-a", a.token, 100, 210),
        None,
        "node-a cannot renew"
    );
    expect!(
        !locks.release(R, "node-a", a.token, 210),
        "node-a cannot release node-b's lock"
    );
    expect_eq!(
        store.read(R),
        Some("b: step 1"),
        "the store holds node-b's write"
    );
}
