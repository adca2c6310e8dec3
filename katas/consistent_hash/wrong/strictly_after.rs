//! Takes the first virtual node strictly after the key, so a key exactly on a virtual node goes to the next one.

use std::collections::{BTreeMap, HashSet};

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

#[derive(Debug)]
pub struct HashRing {
    vnodes: usize,
    nodes: HashSet<String>,
    ring: BTreeMap<u64, String>,
}

impl HashRing {
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

    fn positions<'a>(&self, node: &'a str) -> impl Iterator<Item = u64> + 'a {
        (0..self.vnodes).map(move |i| hash64(&format!("{node}#{i}")))
    }

    pub fn add_node(&mut self, node: &str) -> bool {
        if !self.nodes.insert(node.to_owned()) {
            return false;
        }
        for position in self.positions(node) {
            self.ring.insert(position, node.to_owned());
        }
        true
    }

    pub fn remove_node(&mut self, node: &str) -> bool {
        if !self.nodes.remove(node) {
            return false;
        }
        for position in self.positions(node) {
            self.ring.remove(&position);
        }
        true
    }

    pub fn node_for(&self, key: &str) -> Option<&str> {
        let h = hash64(key);
        self.ring
            .range((std::ops::Bound::Excluded(h), std::ops::Bound::Unbounded))
            .next()
            .or_else(|| self.ring.iter().next())
            .map(|(_, node)| node.as_str())
    }
}
