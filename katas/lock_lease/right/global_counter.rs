//! One fencing counter for the whole service (a token is then greater than every token granted
//! before for any resource, so in particular for its own), leases in a `BTreeMap`, and a store
//! that keeps the highest accepted token beside each value.

use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lease {
    pub token: u64,
    pub expires_at: u64,
}

pub struct LeaseLock {
    counter: u64,
    /// resource -> (owner, lease); an entry may have expired.
    leases: BTreeMap<String, (String, Lease)>,
}

impl Default for LeaseLock {
    fn default() -> Self {
        Self::new()
    }
}

impl LeaseLock {
    pub fn new() -> Self {
        LeaseLock {
            counter: 0,
            leases: BTreeMap::new(),
        }
    }

    fn current(&self, resource: &str, now: u64) -> Option<&(String, Lease)> {
        self.leases
            .get(resource)
            .filter(|(_, lease)| now < lease.expires_at)
    }

    fn owns(&self, resource: &str, owner: &str, token: u64, now: u64) -> bool {
        matches!(self.current(resource, now), Some((o, l)) if o == owner && l.token == token)
    }

    pub fn acquire(&mut self, resource: &str, owner: &str, ttl: u64, now: u64) -> Option<Lease> {
        if self.current(resource, now).is_some() {
            return None;
        }
        self.counter += 1;
        let lease = Lease {
            token: self.counter,
            expires_at: now + ttl,
        };
        self.leases
            .insert(resource.to_owned(), (owner.to_owned(), lease));
        Some(lease)
    }

    pub fn renew(
        &mut self,
        resource: &str,
        owner: &str,
        token: u64,
        ttl: u64,
        now: u64,
    ) -> Option<Lease> {
        if !self.owns(resource, owner, token, now) {
            return None;
        }
        let (_, lease) = self.leases.get_mut(resource)?;
        lease.expires_at = now + ttl;
        Some(*lease)
    }

    pub fn release(&mut self, resource: &str, owner: &str, token: u64, now: u64) -> bool {
        if !self.owns(resource, owner, token, now) {
            return false;
        }
        self.leases.remove(resource);
        true
    }

    pub fn holder(&self, resource: &str, now: u64) -> Option<&str> {
        self.current(resource, now).map(|(owner, _)| owner.as_str())
    }
}

pub struct FencedStore {
    cells: BTreeMap<String, (u64, String)>,
}

impl Default for FencedStore {
    fn default() -> Self {
        Self::new()
    }
}

impl FencedStore {
    pub fn new() -> Self {
        FencedStore {
            cells: BTreeMap::new(),
        }
    }

    pub fn write(&mut self, key: &str, token: u64, value: &str) -> bool {
        if self.cells.get(key).is_some_and(|(seen, _)| token < *seen) {
            return false;
        }
        self.cells.insert(key.to_owned(), (token, value.to_owned()));
        true
    }

    pub fn read(&self, key: &str) -> Option<&str> {
        self.cells.get(key).map(|(_, v)| v.as_str())
    }
}
