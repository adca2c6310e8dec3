//! Compares the last entry's hash with the trusted head before walking the entries, so a log
//! whose last entry was edited reports `HeadMismatch` instead of the first broken entry.

use sha2::{Digest, Sha256};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// The `prev_hash` of the first entry, and the head of an empty log.
pub const GENESIS: Hash = [0; 32];

/// One audit-log entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub seq: u64,
    pub timestamp: u64,
    pub payload: String,
    pub prev_hash: Hash,
    pub hash: Hash,
}

/// What `verify` found wrong first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tamper {
    /// The entry at `index` does not have `seq == index`.
    BadSequence { index: usize },
    /// The entry at `index` does not point at the hash of the entry before it (or at GENESIS).
    BrokenLink { index: usize },
    /// The entry at `index` does not hash to its stored `hash`.
    BadHash { index: usize },
    /// The chain is consistent but does not end at the trusted head.
    HeadMismatch,
}

/// `SHA-256(seq BE || timestamp BE || prev_hash || payload byte length BE || payload)`, with
/// the integers as 8-byte big-endian numbers.
pub fn entry_hash(seq: u64, timestamp: u64, payload: &str, prev_hash: &Hash) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update(seq.to_be_bytes());
    hasher.update(timestamp.to_be_bytes());
    hasher.update(prev_hash);
    // The length prefix keeps the encoding unambiguous even if fields are added after it.
    hasher.update((payload.len() as u64).to_be_bytes());
    hasher.update(payload.as_bytes());
    hasher.finalize().into()
}

/// An append-only, hash-chained audit log.
#[derive(Default)]
pub struct AuditLog {
    entries: Vec<Entry>,
}

impl AuditLog {
    /// An empty log.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends an entry and returns its hash, the new head.
    pub fn append(&mut self, timestamp: u64, payload: &str) -> Hash {
        let seq = self.entries.len() as u64;
        let prev_hash = self.head();
        let hash = entry_hash(seq, timestamp, payload, &prev_hash);
        self.entries.push(Entry {
            seq,
            timestamp,
            payload: payload.to_string(),
            prev_hash,
            hash,
        });
        hash
    }

    /// All entries, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The hash of the last entry, or `GENESIS` for an empty log.
    pub fn head(&self) -> Hash {
        self.entries.last().map_or(GENESIS, |e| e.hash)
    }
}

/// Checks a copy of the log against the head hash the auditor trusts. Entries are checked in
/// order, each for sequence, then link, then hash; the first failure is returned.
pub fn verify(entries: &[Entry], trusted_head: &Hash) -> Result<(), Tamper> {
    if entries.last().map_or(GENESIS, |e| e.hash) != *trusted_head {
        return Err(Tamper::HeadMismatch);
    }
    let mut expected_prev = GENESIS;
    for (index, entry) in entries.iter().enumerate() {
        if entry.seq != index as u64 {
            return Err(Tamper::BadSequence { index });
        }
        if entry.prev_hash != expected_prev {
            return Err(Tamper::BrokenLink { index });
        }
        let recomputed = entry_hash(entry.seq, entry.timestamp, &entry.payload, &entry.prev_hash);
        if entry.hash != recomputed {
            return Err(Tamper::BadHash { index });
        }
        expected_prev = entry.hash;
    }
    // Without this check, deleting the newest entries would go unnoticed.
    if expected_prev != *trusted_head {
        return Err(Tamper::HeadMismatch);
    }
    Ok(())
}
