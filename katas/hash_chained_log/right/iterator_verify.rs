//! Builds the hash with `chain_update` and a byte buffer, and verifies with an iterator fold
//! that carries the expected link from entry to entry.

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
    let mut header = Vec::with_capacity(56);
    header.extend_from_slice(&seq.to_be_bytes());
    header.extend_from_slice(&timestamp.to_be_bytes());
    header.extend_from_slice(prev_hash);
    header.extend_from_slice(&u64::try_from(payload.len()).unwrap().to_be_bytes());
    Sha256::new()
        .chain_update(&header)
        .chain_update(payload)
        .finalize()
        .into()
}

pub struct AuditLog {
    entries: Vec<Entry>,
}

impl Default for AuditLog {
    fn default() -> Self {
        Self::new()
    }
}

impl AuditLog {
    pub fn new() -> Self {
        AuditLog {
            entries: Vec::new(),
        }
    }

    pub fn append(&mut self, timestamp: u64, payload: &str) -> Hash {
        let prev_hash = self.head();
        let seq = self.entries.len() as u64;
        let entry = Entry {
            seq,
            timestamp,
            payload: payload.to_owned(),
            prev_hash,
            hash: entry_hash(seq, timestamp, payload, &prev_hash),
        };
        let hash = entry.hash;
        self.entries.push(entry);
        hash
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn head(&self) -> Hash {
        match self.entries.last() {
            Some(entry) => entry.hash,
            None => GENESIS,
        }
    }
}

pub fn verify(entries: &[Entry], trusted_head: &Hash) -> Result<(), Tamper> {
    let last = entries
        .iter()
        .enumerate()
        .try_fold(GENESIS, |link, (index, e)| {
            if e.seq != index as u64 {
                Err(Tamper::BadSequence { index })
            } else if e.prev_hash != link {
                Err(Tamper::BrokenLink { index })
            } else if entry_hash(e.seq, e.timestamp, &e.payload, &e.prev_hash) != e.hash {
                Err(Tamper::BadHash { index })
            } else {
                Ok(e.hash)
            }
        })?;
    if &last == trusted_head {
        Ok(())
    } else {
        Err(Tamper::HeadMismatch)
    }
}
