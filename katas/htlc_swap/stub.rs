//! Hashed time-locked contract: see the task statement (`kata hint htlc_swap` when stuck).

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// `SHA-256(preimage)`: the hash lock that `preimage` opens.
pub fn hash_lock(preimage: &[u8]) -> Hash {
    let _ = preimage;
    todo!("use sha2::Sha256")
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
    // Your fields here.
}

impl Htlc {
    /// Locks `amount`: `recipient` can claim it with the preimage of `hash_lock` while
    /// `now < timeout`; from `timeout` on, `sender` can take it back.
    pub fn new(sender: &str, recipient: &str, amount: u64, hash_lock: Hash, timeout: u64) -> Self {
        let _ = (sender, recipient, amount, hash_lock, timeout);
        todo!("store the terms; the contract starts Locked")
    }

    /// Pays the recipient, who reveals the preimage by doing so. Returns the amount paid.
    pub fn claim(&mut self, caller: &str, preimage: &[u8], now: u64) -> Result<u64, HtlcError> {
        let _ = (caller, preimage, now);
        todo!()
    }

    /// Returns the funds to the sender once the timeout has been reached. Returns the amount.
    pub fn refund(&mut self, caller: &str, now: u64) -> Result<u64, HtlcError> {
        let _ = (caller, now);
        todo!()
    }

    /// The current state.
    pub fn state(&self) -> State {
        todo!()
    }

    /// The preimage the successful claim revealed; `None` until then.
    pub fn revealed_preimage(&self) -> Option<&[u8]> {
        todo!()
    }
}
