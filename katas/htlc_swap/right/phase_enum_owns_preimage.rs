//! The state lives in an enum whose `Claimed` variant owns the revealed preimage, so "claimed"
//! and "preimage revealed" cannot disagree; the checks are a chain of `Result`s.

use sha2::{Digest, Sha256};

pub type Hash = [u8; 32];

pub fn hash_lock(preimage: &[u8]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update(preimage);
    let mut out = [0u8; 32];
    out.copy_from_slice(&hasher.finalize());
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Locked,
    Claimed,
    Refunded,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HtlcError {
    AlreadyClaimed,
    AlreadyRefunded,
    NotRecipient,
    NotSender,
    Expired,
    NotExpired,
    WrongPreimage,
}

enum Phase {
    Locked,
    Claimed(Box<[u8]>),
    Refunded,
}

pub struct Htlc {
    parties: (String, String),
    amount: u64,
    lock: Hash,
    timeout: u64,
    phase: Phase,
}

fn check(ok: bool, err: HtlcError) -> Result<(), HtlcError> {
    if ok {
        Ok(())
    } else {
        Err(err)
    }
}

impl Htlc {
    pub fn new(sender: &str, recipient: &str, amount: u64, hash_lock: Hash, timeout: u64) -> Self {
        Htlc {
            parties: (sender.to_owned(), recipient.to_owned()),
            amount,
            lock: hash_lock,
            timeout,
            phase: Phase::Locked,
        }
    }

    fn open(&self) -> Result<(), HtlcError> {
        match self.phase {
            Phase::Locked => Ok(()),
            Phase::Claimed(_) => Err(HtlcError::AlreadyClaimed),
            Phase::Refunded => Err(HtlcError::AlreadyRefunded),
        }
    }

    pub fn claim(&mut self, caller: &str, preimage: &[u8], now: u64) -> Result<u64, HtlcError> {
        self.open()?;
        check(caller == self.parties.1, HtlcError::NotRecipient)?;
        check(now < self.timeout, HtlcError::Expired)?;
        check(hash_lock(preimage) == self.lock, HtlcError::WrongPreimage)?;
        self.phase = Phase::Claimed(preimage.into());
        Ok(self.amount)
    }

    pub fn refund(&mut self, caller: &str, now: u64) -> Result<u64, HtlcError> {
        self.open()?;
        check(caller == self.parties.0, HtlcError::NotSender)?;
        check(now >= self.timeout, HtlcError::NotExpired)?;
        self.phase = Phase::Refunded;
        Ok(self.amount)
    }

    pub fn state(&self) -> State {
        match self.phase {
            Phase::Locked => State::Locked,
            Phase::Claimed(_) => State::Claimed,
            Phase::Refunded => State::Refunded,
        }
    }

    pub fn revealed_preimage(&self) -> Option<&[u8]> {
        match &self.phase {
            Phase::Claimed(p) => Some(p),
            _ => None,
        }
    }
}
