//! Uses `hash64(key) % number_of_nodes` over the sorted node names: adding a node moves most keys, between old nodes too.

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
    nodes: Vec<String>,
}

impl HashRing {
    pub fn new(vnodes: usize) -> Self {
        assert!(vnodes > 0);
        Self { nodes: Vec::new() }
    }

    pub fn add_node(&mut self, node: &str) -> bool {
        match self.nodes.binary_search_by(|n| n.as_str().cmp(node)) {
            Ok(_) => false,
            Err(i) => {
                self.nodes.insert(i, node.to_string());
                true
            }
        }
    }

    pub fn remove_node(&mut self, node: &str) -> bool {
        match self.nodes.binary_search_by(|n| n.as_str().cmp(node)) {
            Ok(i) => {
                self.nodes.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    pub fn node_for(&self, key: &str) -> Option<&str> {
        if self.nodes.is_empty() {
            return None;
        }
        let i = (hash64(key) % self.nodes.len() as u64) as usize;
        Some(&self.nodes[i])
    }
}
