//! The fenced store saves the value before comparing tokens: a stale write is reported as
//! rejected, but its value has already replaced the newer one.

use std::collections::HashMap;

/// A granted lease: the fencing token and the instant the lease stops being valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lease {
    pub token: u64,
    pub expires_at: u64,
}

struct Held {
    owner: String,
    lease: Lease,
}

#[derive(Default)]
struct Resource {
    /// The last lease granted; it may have expired or been released (`None`).
    current: Option<Held>,
    /// The highest token ever granted for this resource.
    last_token: u64,
}

impl Resource {
    /// The lease that is valid at `now`, if any.
    fn valid(&self, now: u64) -> Option<&Held> {
        self.current
            .as_ref()
            .filter(|held| now < held.lease.expires_at)
    }

    fn is_held_by(&self, owner: &str, token: u64, now: u64) -> bool {
        self.valid(now)
            .is_some_and(|held| held.owner == owner && held.lease.token == token)
    }
}

/// A lock service handing out time-limited leases on named resources.
#[derive(Default)]
pub struct LeaseLock {
    resources: HashMap<String, Resource>,
}

impl LeaseLock {
    pub fn new() -> Self {
        Self::default()
    }

    /// Grants `resource` to `owner` for `ttl` if no valid lease is held on it at `now`.
    pub fn acquire(&mut self, resource: &str, owner: &str, ttl: u64, now: u64) -> Option<Lease> {
        let res = self.resources.entry(resource.to_string()).or_default();
        if res.valid(now).is_some() {
            return None;
        }
        res.last_token += 1;
        let lease = Lease {
            token: res.last_token,
            expires_at: now + ttl,
        };
        res.current = Some(Held {
            owner: owner.to_string(),
            lease,
        });
        Some(lease)
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
        let res = self.resources.get_mut(resource)?;
        if !res.is_held_by(owner, token, now) {
            return None;
        }
        let held = res.current.as_mut().expect("is_held_by saw it");
        held.lease.expires_at = now + ttl;
        Some(held.lease)
    }

    /// Releases the caller's own valid lease; anything else is refused.
    pub fn release(&mut self, resource: &str, owner: &str, token: u64, now: u64) -> bool {
        let Some(res) = self.resources.get_mut(resource) else {
            return false;
        };
        if !res.is_held_by(owner, token, now) {
            return false;
        }
        // The fencing counter stays, so the next lease gets a higher token.
        res.current = None;
        true
    }

    /// Who holds a valid lease on `resource` at `now`.
    pub fn holder(&self, resource: &str, now: u64) -> Option<&str> {
        self.resources
            .get(resource)?
            .valid(now)
            .map(|held| held.owner.as_str())
    }
}

/// A storage service that rejects writes carrying a fencing token older than one it has seen.
#[derive(Default)]
pub struct FencedStore {
    /// key -> (highest token accepted, value)
    cells: HashMap<String, (u64, String)>,
}

impl FencedStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores `value` unless a write with a higher token was already accepted for `key`.
    pub fn write(&mut self, key: &str, token: u64, value: &str) -> bool {
        match self.cells.get_mut(key) {
            Some((highest, stored)) if token < *highest => {
                *stored = value.to_string();
                false
            }
            Some(cell) => {
                *cell = (token, value.to_string());
                true
            }
            None => {
                self.cells
                    .insert(key.to_string(), (token, value.to_string()));
                true
            }
        }
    }

    /// The last accepted value for `key`.
    pub fn read(&self, key: &str) -> Option<&str> {
        self.cells.get(key).map(|(_, value)| value.as_str())
    }
}
