//! Lease lock with fencing: see the task statement (`kata hint lock_lease` when stuck).

/// A granted lease: the fencing token and the instant the lease stops being valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lease {
    pub token: u64,
    pub expires_at: u64,
}

/// A lock service handing out time-limited leases on named resources.
pub struct LeaseLock {
    // Your fields here.
}

impl LeaseLock {
    pub fn new() -> Self {
        LeaseLock {}
    }

    /// Grants `resource` to `owner` for `ttl` if no valid lease is held on it at `now`.
    pub fn acquire(&mut self, resource: &str, owner: &str, ttl: u64, now: u64) -> Option<Lease> {
        let _ = (resource, owner, ttl, now);
        todo!()
    }

    /// Extends the caller's own valid lease to `now + ttl`, keeping its token.
    pub fn renew(
        &mut self,
        resource: &str,
        owner: &str,
        token: u64,
        ttl: u64,
        now: u64,
    ) -> Option<Lease> {
        let _ = (resource, owner, token, ttl, now);
        todo!()
    }

    /// Releases the caller's own valid lease; anything else is refused.
    pub fn release(&mut self, resource: &str, owner: &str, token: u64, now: u64) -> bool {
        let _ = (resource, owner, token, now);
        todo!()
    }

    /// Who holds a valid lease on `resource` at `now`.
    pub fn holder(&self, resource: &str, now: u64) -> Option<&str> {
        let _ = (resource, now);
        todo!()
    }
}

impl Default for LeaseLock {
    fn default() -> Self {
        Self::new()
    }
}

/// A storage service that rejects writes carrying a fencing token older than one it has seen.
pub struct FencedStore {
    // Your fields here.
}

impl FencedStore {
    pub fn new() -> Self {
        FencedStore {}
    }

    /// Stores `value` unless a write with a higher token was already accepted for `key`.
    pub fn write(&mut self, key: &str, token: u64, value: &str) -> bool {
        let _ = (key, token, value);
        todo!()
    }

    /// The last accepted value for `key`.
    pub fn read(&self, key: &str) -> Option<&str> {
        let _ = key;
        todo!()
    }
}

impl Default for FencedStore {
    fn default() -> Self {
        Self::new()
    }
}
