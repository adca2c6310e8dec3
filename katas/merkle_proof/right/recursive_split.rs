//! The tree built recursively, splitting `n` leaves at the largest power of two below `n` (as in
//! RFC 6962): the same tree as pairing level by level and carrying the odd node up. Proofs are
//! collected top-down and reversed; verification walks the same splits top-down.

use sha2::{Digest, Sha256};

pub type Hash = [u8; 32];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proof {
    pub index: usize,
    pub leaf_count: usize,
    pub siblings: Vec<Hash>,
}

pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The size of the left subtree of a tree of `n >= 2` leaves.
fn split(n: usize) -> usize {
    let mut k = 1usize;
    while k < n - k {
        k *= 2;
    }
    k
}

fn subtree<T: AsRef<[u8]>>(leaves: &[T]) -> Hash {
    match leaves.len() {
        1 => leaf_hash(leaves[0].as_ref()),
        n => {
            let k = split(n);
            node_hash(&subtree(&leaves[..k]), &subtree(&leaves[k..]))
        }
    }
}

pub fn merkle_root<T: AsRef<[u8]>>(leaves: &[T]) -> Hash {
    if leaves.is_empty() {
        return Sha256::digest([]).into();
    }
    subtree(leaves)
}

pub fn prove<T: AsRef<[u8]>>(leaves: &[T], index: usize) -> Option<Proof> {
    if index >= leaves.len() {
        return None;
    }
    let mut top_down = Vec::new();
    let (mut lo, mut hi, mut i) = (0, leaves.len(), index);
    while hi - lo > 1 {
        let k = split(hi - lo);
        if i < k {
            top_down.push(subtree(&leaves[lo + k..hi]));
            hi = lo + k;
        } else {
            top_down.push(subtree(&leaves[lo..lo + k]));
            lo += k;
            i -= k;
        }
    }
    top_down.reverse();
    Some(Proof {
        index,
        leaf_count: leaves.len(),
        siblings: top_down,
    })
}

pub fn verify(root: &Hash, leaf: &[u8], proof: &Proof) -> bool {
    if proof.index >= proof.leaf_count {
        return false;
    }
    // Record the sides top-down, then hash bottom-up.
    let mut went_left = Vec::new();
    let (mut n, mut i) = (proof.leaf_count, proof.index);
    while n > 1 {
        let k = split(n);
        if i < k {
            went_left.push(true);
            n = k;
        } else {
            went_left.push(false);
            n -= k;
            i -= k;
        }
        if went_left.len() > proof.siblings.len() {
            return false;
        }
    }
    if went_left.len() != proof.siblings.len() {
        return false;
    }
    let mut hash = leaf_hash(leaf);
    for (sibling, left) in proof.siblings.iter().zip(went_left.iter().rev()) {
        hash = if *left {
            node_hash(&hash, sibling)
        } else {
            node_hash(sibling, &hash)
        };
    }
    hash == *root
}
