//! Verifies without using leaf_count: an even position always takes a right sibling while siblings remain, which breaks honest proofs for nodes that are carried up.

use sha2::{Digest, Sha256};

pub type Hash = [u8; 32];

pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x00]);
    hasher.update(data);
    hasher.finalize().into()
}

pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x01]);
    hasher.update(left);
    hasher.update(right);
    hasher.finalize().into()
}

fn parent_level(level: &[Hash]) -> Vec<Hash> {
    level
        .chunks(2)
        .map(|pair| {
            if pair.len() == 2 {
                node_hash(&pair[0], &pair[1])
            } else {
                pair[0]
            }
        })
        .collect()
}

pub fn merkle_root<T: AsRef<[u8]>>(leaves: &[T]) -> Hash {
    if leaves.is_empty() {
        return Sha256::digest(b"").into();
    }
    let mut level: Vec<Hash> = leaves.iter().map(|l| leaf_hash(l.as_ref())).collect();
    while level.len() > 1 {
        level = parent_level(&level);
    }
    level[0]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proof {
    pub index: usize,
    pub leaf_count: usize,
    pub siblings: Vec<Hash>,
}

pub fn prove<T: AsRef<[u8]>>(leaves: &[T], index: usize) -> Option<Proof> {
    if index >= leaves.len() {
        return None;
    }
    let mut level: Vec<Hash> = leaves.iter().map(|l| leaf_hash(l.as_ref())).collect();
    let mut position = index;
    let mut siblings = Vec::new();
    while level.len() > 1 {
        if position ^ 1 < level.len() {
            siblings.push(level[position ^ 1]);
        }
        level = parent_level(&level);
        position /= 2;
    }
    Some(Proof {
        index,
        leaf_count: leaves.len(),
        siblings,
    })
}

pub fn verify(root: &Hash, leaf: &[u8], proof: &Proof) -> bool {
    if proof.index >= proof.leaf_count {
        return false;
    }
    let mut hash = leaf_hash(leaf);
    let mut position = proof.index;
    for sibling in &proof.siblings {
        hash = if position % 2 == 1 {
            node_hash(sibling, &hash)
        } else {
            node_hash(&hash, sibling)
        };
        position /= 2;
    }
    hash == *root
}
