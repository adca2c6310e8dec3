//! The ring is a `Vec` of (position, node index) kept sorted by position, searched with
//! `partition_point`; node names live in a `Vec` and are removed with `retain`.

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

pub struct HashRing {
    vnodes: usize,
    names: Vec<String>,
    /// (position, index into `names`), sorted by position.
    ring: Vec<(u64, usize)>,
}

impl HashRing {
    pub fn new(vnodes: usize) -> Self {
        if vnodes == 0 {
            panic!("vnodes must be at least 1");
        }
        HashRing {
            vnodes,
            names: Vec::new(),
            ring: Vec::new(),
        }
    }

    pub fn add_node(&mut self, node: &str) -> bool {
        if self.names.iter().any(|n| n == node) {
            return false;
        }
        self.names.push(node.to_string());
        let index = self.names.len() - 1;
        for i in 0..self.vnodes {
            self.ring.push((hash64(&format!("{node}#{i}")), index));
        }
        self.ring.sort_unstable();
        true
    }

    pub fn remove_node(&mut self, node: &str) -> bool {
        let Some(index) = self.names.iter().position(|n| n == node) else {
            return false;
        };
        self.names.remove(index);
        self.ring.retain(|&(_, n)| n != index);
        for entry in &mut self.ring {
            if entry.1 > index {
                entry.1 -= 1;
            }
        }
        true
    }

    pub fn node_for(&self, key: &str) -> Option<&str> {
        let first = self.ring.first()?;
        let h = hash64(key);
        let at = self.ring.partition_point(|&(p, _)| p < h);
        let (_, index) = self.ring.get(at).unwrap_or(first);
        Some(&self.names[*index])
    }
}
