use hash_chained_log::{entry_hash, verify, AuditLog, Entry, Hash, Tamper, GENESIS};
use kata_assert::{expect, expect_eq};
use sha2::{Digest, Sha256};

/// The statement's encoding, written out independently.
fn model_hash(seq: u64, timestamp: u64, payload: &str, prev: &Hash) -> Hash {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&seq.to_be_bytes());
    bytes.extend_from_slice(&timestamp.to_be_bytes());
    bytes.extend_from_slice(prev);
    bytes.extend_from_slice(&(payload.len() as u64).to_be_bytes());
    bytes.extend_from_slice(payload.as_bytes());
    Sha256::digest(&bytes).into()
}

fn hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

const EVENTS: [(u64, &str); 6] = [
    (1_700_000_000, "alice withdrew 5 BTC"),
    (1_700_000_060, "admin rotated key k1"),
    (1_700_000_061, "bob deposited 100 USDT"),
    (1_700_000_200, "alice changed 2FA device"),
    (1_700_000_200, "carol withdrew 1 ETH"),
    (1_700_000_999, "admin exported user list"),
];

fn sample_log() -> AuditLog {
    let mut log = AuditLog::new();
    for (ts, payload) in EVENTS {
        log.append(ts, payload);
    }
    log
}

/// Recomputes the hash of `entries[i]` and the links and hashes of everything after it, the
/// way an attacker with write access would after an edit.
fn rechain_from(entries: &mut [Entry], i: usize) {
    for k in i..entries.len() {
        if k > 0 {
            entries[k].prev_hash = entries[k - 1].hash;
        }
        let e = &entries[k];
        entries[k].hash = model_hash(e.seq, e.timestamp, &e.payload, &e.prev_hash);
    }
}

#[test]
fn entry_hash_follows_the_byte_layout() {
    let prev = [7u8; 32];
    expect_eq!(
        hex(&entry_hash(3, 1_700_000_000, "alice withdrew 5 BTC", &prev)),
        hex(&model_hash(3, 1_700_000_000, "alice withdrew 5 BTC", &prev)),
        "SHA-256(seq BE8 || timestamp BE8 || prev_hash || payload byte length BE8 || payload)"
    );
    expect_eq!(
        hex(&entry_hash(0, 0, "", &GENESIS)),
        hex(&model_hash(0, 0, "", &GENESIS)),
        "an empty payload still has its 8-byte length (0)"
    );
}

#[test]
fn entry_hash_counts_payload_length_in_bytes() {
    expect_eq!(
        hex(&entry_hash(1, 2, "héllo ₿", &GENESIS)),
        hex(&model_hash(1, 2, "héllo ₿", &GENESIS)),
        "the length prefix is the payload's length in UTF-8 bytes (10), not in characters (7)"
    );
}

#[test]
fn entry_hash_covers_every_field() {
    let base = entry_hash(1, 100, "x", &GENESIS);
    expect!(base != entry_hash(2, 100, "x", &GENESIS), "seq is hashed");
    expect!(
        base != entry_hash(1, 101, "x", &GENESIS),
        "timestamp is hashed"
    );
    expect!(
        base != entry_hash(1, 100, "y", &GENESIS),
        "payload is hashed"
    );
    expect!(
        base != entry_hash(1, 100, "x", &[1u8; 32]),
        "prev_hash is hashed"
    );
}

#[test]
fn empty_log_head_is_genesis() {
    let log = AuditLog::new();
    expect_eq!(log.head(), GENESIS, "an empty log's head is GENESIS");
    expect_eq!(log.entries().len(), 0, "an empty log has no entries");
}

#[test]
fn first_entry_links_to_genesis() {
    let mut log = AuditLog::new();
    let head = log.append(1_700_000_000, "alice withdrew 5 BTC");
    let e = &log.entries()[0];
    expect_eq!(e.seq, 0, "the first entry has seq 0");
    expect_eq!(e.timestamp, 1_700_000_000, "the entry keeps its timestamp");
    expect_eq!(
        e.payload.as_str(),
        "alice withdrew 5 BTC",
        "the entry keeps its payload"
    );
    expect_eq!(
        e.prev_hash,
        GENESIS,
        "the first entry's prev_hash is GENESIS"
    );
    expect_eq!(
        hex(&e.hash),
        hex(&model_hash(
            0,
            1_700_000_000,
            "alice withdrew 5 BTC",
            &GENESIS
        )),
        "hash = entry_hash(seq, timestamp, payload, prev_hash)"
    );
    expect_eq!(head, e.hash, "append returns the new entry's hash");
    expect_eq!(log.head(), e.hash, "the head is the last entry's hash");
}

#[test]
fn entries_chain_in_order() {
    let log = sample_log();
    let entries = log.entries();
    expect_eq!(entries.len(), 6, "six appends make six entries");
    let mut prev = GENESIS;
    for (i, (ts, payload)) in EVENTS.iter().enumerate() {
        let e = &entries[i];
        expect_eq!(e.seq, i as u64, "entry {} has seq {}", i, i);
        expect_eq!(
            e.prev_hash,
            prev,
            "entry {}'s prev_hash is entry {}'s hash",
            i,
            i as i64 - 1
        );
        expect_eq!(
            hex(&e.hash),
            hex(&model_hash(i as u64, *ts, payload, &prev)),
            "entry {}'s hash",
            i
        );
        prev = e.hash;
    }
    expect_eq!(log.head(), prev, "the head is the hash of entry 5");
}

#[test]
fn append_returns_each_new_head() {
    let mut log = AuditLog::new();
    for (i, (ts, payload)) in EVENTS.iter().enumerate() {
        let head = log.append(*ts, payload);
        expect_eq!(
            head,
            log.entries()[i].hash,
            "append {} returns entry {}'s hash",
            i,
            i
        );
        expect_eq!(log.head(), head, "after append {}, head() is its hash", i);
    }
}

#[test]
fn identical_entries_get_different_hashes() {
    let mut log = AuditLog::new();
    let a = log.append(5, "same");
    let b = log.append(5, "same");
    expect!(
        a != b,
        "two identical events still differ in seq and prev_hash, so their hashes differ"
    );
}

#[test]
fn untouched_log_verifies() {
    let log = sample_log();
    expect_eq!(
        verify(log.entries(), &log.head()),
        Ok(()),
        "an untouched log verifies against its head"
    );
}

#[test]
fn empty_log_verifies_against_genesis() {
    expect_eq!(
        verify(&[], &GENESIS),
        Ok(()),
        "no entries and a trusted head of GENESIS: Ok"
    );
}

#[test]
fn deleting_everything_is_detected() {
    let log = sample_log();
    expect_eq!(
        verify(&[], &log.head()),
        Err(Tamper::HeadMismatch),
        "an empty copy of a log whose trusted head is not GENESIS was emptied"
    );
}

#[test]
fn edited_payload_is_detected() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[3].payload = "alice kept her 2FA device".to_string();
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadHash { index: 3 }),
        "entry 3's payload changed, so it no longer hashes to its stored hash"
    );
}

#[test]
fn edited_timestamp_is_detected() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[1].timestamp += 1;
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadHash { index: 1 }),
        "entry 1's timestamp changed: its hash no longer matches"
    );
}

#[test]
fn edited_stored_hash_is_detected() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[5].hash[0] ^= 0xff;
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadHash { index: 5 }),
        "entry 5's stored hash is not the hash of its fields"
    );
}

#[test]
fn edit_with_recomputed_hash_breaks_the_next_link() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[2].payload = "bob deposited 1,000,000 USDT".to_string();
    let e = &copy[2];
    copy[2].hash = model_hash(e.seq, e.timestamp, &e.payload, &e.prev_hash);
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BrokenLink { index: 3 }),
        "entry 2 was edited and rehashed: entry 3 still points at the old hash"
    );
}

#[test]
fn patching_the_next_link_is_caught_by_its_hash() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[2].payload = "bob deposited 1,000,000 USDT".to_string();
    let e = &copy[2];
    copy[2].hash = model_hash(e.seq, e.timestamp, &e.payload, &e.prev_hash);
    copy[3].prev_hash = copy[2].hash;
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadHash { index: 3 }),
        "entry 3's prev_hash was patched, but entry 3's hash covers prev_hash, so it no longer matches"
    );
}

#[test]
fn fully_rewritten_chain_is_caught_by_the_trusted_head() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[1].payload = "admin did nothing".to_string();
    rechain_from(&mut copy, 1);
    expect_eq!(
        verify(&copy, &copy[5].hash.clone()),
        Ok(()),
        "the rewritten chain is consistent in itself (checked against its own head)"
    );
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::HeadMismatch),
        "a consistently rewritten chain no longer ends at the trusted head"
    );
}

#[test]
fn deleting_the_newest_entries_is_detected() {
    let log = sample_log();
    let head = log.head();
    expect_eq!(
        verify(&log.entries()[..5], &head),
        Err(Tamper::HeadMismatch),
        "the last entry was deleted: the chain ends before the trusted head"
    );
    expect_eq!(
        verify(&log.entries()[..1], &head),
        Err(Tamper::HeadMismatch),
        "only the first entry is left"
    );
}

#[test]
fn deleting_a_middle_entry_is_detected() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy.remove(3);
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadSequence { index: 3 }),
        "entry 3 was deleted: the entry now at index 3 has seq 4"
    );
}

#[test]
fn deleting_the_first_entry_is_detected() {
    let log = sample_log();
    let copy = log.entries()[1..].to_vec();
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadSequence { index: 0 }),
        "entry 0 was deleted: the entry now at index 0 has seq 1"
    );
}

#[test]
fn deleting_and_rechaining_is_caught_by_the_sequence() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy.remove(2);
    // The attacker relinks and rehashes everything after the gap but keeps the seq numbers.
    rechain_from(&mut copy, 2);
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadSequence { index: 2 }),
        "the entry at index 2 has seq 3: the sequence is checked first"
    );
}

#[test]
fn renumbered_entry_is_detected() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[4].seq = 40;
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadSequence { index: 4 }),
        "entry 4's seq is 40"
    );
}

#[test]
fn swapped_entries_are_detected() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy.swap(1, 2);
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadSequence { index: 1 }),
        "entries 1 and 2 swapped: index 1 holds seq 2"
    );
}

#[test]
fn relinked_first_entry_is_detected() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[0].prev_hash = [9u8; 32];
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BrokenLink { index: 0 }),
        "the first entry must point at GENESIS"
    );
}

#[test]
fn a_changed_link_is_reported_as_a_broken_link() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[2].prev_hash = copy[0].hash;
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BrokenLink { index: 2 }),
        "entry 2 now points at entry 0: its link is checked before its hash, so it is a BrokenLink"
    );
}

#[test]
fn first_failure_is_reported() {
    let log = sample_log();
    let mut copy = log.entries().to_vec();
    copy[4].payload.push('!');
    copy[1].payload.push('!');
    expect_eq!(
        verify(&copy, &log.head()),
        Err(Tamper::BadHash { index: 1 }),
        "entries 1 and 4 were both edited: the first failure (index 1) is reported"
    );
}

#[test]
fn forged_log_from_scratch_is_detected() {
    let log = sample_log();
    let mut forged = AuditLog::new();
    for (ts, payload) in EVENTS.iter().take(5) {
        forged.append(*ts, payload);
    }
    forged.append(1_700_000_999, "nothing happened");
    expect_eq!(
        verify(forged.entries(), &forged.head()),
        Ok(()),
        "a freshly built log verifies against its own head"
    );
    expect_eq!(
        verify(forged.entries(), &log.head()),
        Err(Tamper::HeadMismatch),
        "a log rebuilt with a different last event does not end at the trusted head"
    );
}
