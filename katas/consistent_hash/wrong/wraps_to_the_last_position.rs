//! When no virtual node is at or after the key, takes the one at the largest position instead
//! of wrapping around to the smallest.

use std::collections::{BTreeMap, HashSet};

/// The hash used for every ring position: 64-bit FNV-1a, then the splitmix64 finalizer to mix
/// the bits (FNV alone leaves similar strings close together on the ring).
pub fn hash64(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    h
}

/// A consistent-hash ring with `vnodes` virtual nodes per node.
#[derive(Debug)]
pub struct HashRing {
    vnodes: usize,
    nodes: HashSet<String>,
    /// Ring position → owning node. Positions are sorted, so "the first position at or after
    /// the key" is a range query.
    ring: BTreeMap<u64, String>,
}

impl HashRing {
    /// An empty ring. Panics if `vnodes` is 0.
    pub fn new(vnodes: usize) -> Self {
        assert!(
            vnodes > 0,
            "a hash ring needs at least one virtual node per node"
        );
        Self {
            vnodes,
            nodes: HashSet::new(),
            ring: BTreeMap::new(),
        }
    }

    /// The ring positions of `node`'s virtual nodes: `hash64("{node}#{i}")` for each `i`.
    fn positions<'a>(&self, node: &'a str) -> impl Iterator<Item = u64> + 'a {
        (0..self.vnodes).map(move |i| hash64(&format!("{node}#{i}")))
    }

    /// Adds `node`; `false` if it was already on the ring.
    pub fn add_node(&mut self, node: &str) -> bool {
        if !self.nodes.insert(node.to_owned()) {
            return false;
        }
        for position in self.positions(node) {
            self.ring.insert(position, node.to_owned());
        }
        true
    }

    /// Removes `node` and all its virtual nodes; `false` if it was not on the ring.
    pub fn remove_node(&mut self, node: &str) -> bool {
        if !self.nodes.remove(node) {
            return false;
        }
        for position in self.positions(node) {
            self.ring.remove(&position);
        }
        true
    }

    /// The node owning `key`: the first virtual node at or after `hash64(key)`, wrapping around.
    pub fn node_for(&self, key: &str) -> Option<&str> {
        let h = hash64(key);
        self.ring
            .range(h..)
            .next()
            // Past the last position the ring wraps around to the first one.
            .or_else(|| self.ring.iter().next_back())
            .map(|(_, node)| node.as_str())
    }
}
