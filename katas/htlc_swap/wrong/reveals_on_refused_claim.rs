//! Records the preimage as revealed as soon as it matches the hash lock in time, before checking
//! the caller: a claim by someone other than the recipient fails but still reveals the secret.

use sha2::{Digest, Sha256};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// `SHA-256(preimage)`: the hash lock that `preimage` opens.
pub fn hash_lock(preimage: &[u8]) -> Hash {
    Sha256::digest(preimage).into()
}

/// Where the locked funds are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Locked,
    Claimed,
    Refunded,
}

/// Why a claim or refund was refused.
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

/// A hashed time-locked contract holding `amount` from `sender` for `recipient`.
pub struct Htlc {
    sender: String,
    recipient: String,
    amount: u64,
    hash_lock: Hash,
    timeout: u64,
    state: State,
    preimage: Option<Vec<u8>>,
}

impl Htlc {
    /// Locks `amount`: `recipient` can claim it with the preimage of `hash_lock` while
    /// `now < timeout`; from `timeout` on, `sender` can take it back.
    pub fn new(sender: &str, recipient: &str, amount: u64, hash_lock: Hash, timeout: u64) -> Self {
        Htlc {
            sender: sender.to_string(),
            recipient: recipient.to_string(),
            amount,
            hash_lock,
            timeout,
            state: State::Locked,
            preimage: None,
        }
    }

    /// A settled contract refuses everything, whatever the caller or the time.
    fn ensure_locked(&self) -> Result<(), HtlcError> {
        match self.state {
            State::Locked => Ok(()),
            State::Claimed => Err(HtlcError::AlreadyClaimed),
            State::Refunded => Err(HtlcError::AlreadyRefunded),
        }
    }

    /// Pays the recipient, who reveals the preimage by doing so. Returns the amount paid.
    pub fn claim(&mut self, caller: &str, preimage: &[u8], now: u64) -> Result<u64, HtlcError> {
        self.ensure_locked()?;
        // Once the secret has been shown in time, it is public: record it whoever showed it.
        if now < self.timeout && hash_lock(preimage) == self.hash_lock {
            self.preimage = Some(preimage.to_vec());
        }
        if caller != self.recipient {
            return Err(HtlcError::NotRecipient);
        }
        // The claim window is [.., timeout): at `timeout` the refund window starts, so there
        // is no instant at which both are possible.
        if now >= self.timeout {
            return Err(HtlcError::Expired);
        }
        if hash_lock(preimage) != self.hash_lock {
            return Err(HtlcError::WrongPreimage);
        }
        self.state = State::Claimed;
        self.preimage = Some(preimage.to_vec());
        Ok(self.amount)
    }

    /// Returns the funds to the sender once the timeout has been reached. Returns the amount.
    pub fn refund(&mut self, caller: &str, now: u64) -> Result<u64, HtlcError> {
        self.ensure_locked()?;
        if caller != self.sender {
            return Err(HtlcError::NotSender);
        }
        if now < self.timeout {
            return Err(HtlcError::NotExpired);
        }
        self.state = State::Refunded;
        Ok(self.amount)
    }

    /// The current state.
    pub fn state(&self) -> State {
        self.state
    }

    /// The preimage the successful claim revealed; `None` until then.
    pub fn revealed_preimage(&self) -> Option<&[u8]> {
        self.preimage.as_deref()
    }
}
