//! Halves the level width with `(width + 1) / 2` in `verify`, which overflows (a panic in debug
//! builds) for a proof claiming `leaf_count == usize::MAX`: a crafted proof crashes the verifier
//! instead of being rejected.

use sha2::{Digest, Sha256};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// The hash of a leaf: `SHA-256(0x00 || data)`.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x00]);
    hasher.update(data);
    hasher.finalize().into()
}

/// The hash of an inner node: `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x01]);
    hasher.update(left);
    hasher.update(right);
    hasher.finalize().into()
}

/// The next level up: pairs are hashed together, an unpaired last node is carried up as it is.
fn parent_level(level: &[Hash]) -> Vec<Hash> {
    level
        .chunks(2)
        .map(|pair| match pair {
            [left, right] => node_hash(left, right),
            [only] => *only,
            _ => unreachable!("chunks(2) yields one or two nodes"),
        })
        .collect()
}

/// The Merkle root of `leaves`; the root of no leaves is `SHA-256("")`.
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

/// An inclusion proof for the leaf at `index` in a tree of `leaf_count` leaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proof {
    pub index: usize,
    pub leaf_count: usize,
    /// The sibling of each node on the path, from the leaf level up; levels where the node has
    /// no sibling (it is carried up) contribute nothing.
    pub siblings: Vec<Hash>,
}

/// The proof that `leaves[index]` is in the tree; `None` if `index` is out of range.
pub fn prove<T: AsRef<[u8]>>(leaves: &[T], index: usize) -> Option<Proof> {
    if index >= leaves.len() {
        return None;
    }
    let mut level: Vec<Hash> = leaves.iter().map(|l| leaf_hash(l.as_ref())).collect();
    let mut position = index;
    let mut siblings = Vec::new();
    while level.len() > 1 {
        let sibling = position ^ 1;
        if sibling < level.len() {
            siblings.push(level[sibling]);
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

/// Whether `proof` shows that `leaf` is the leaf at `proof.index` of the tree with `root`.
pub fn verify(root: &Hash, leaf: &[u8], proof: &Proof) -> bool {
    if proof.index >= proof.leaf_count {
        return false;
    }
    let mut hash = leaf_hash(leaf);
    let mut position = proof.index;
    let mut width = proof.leaf_count;
    let mut siblings = proof.siblings.iter();
    // Walk up exactly as `prove` did; the shape comes from index and leaf_count, never from the
    // proof's hashes, so a proof cannot move the leaf to another position.
    while width > 1 {
        if position % 2 == 1 {
            let Some(left) = siblings.next() else {
                return false;
            };
            hash = node_hash(left, &hash);
        } else if position + 1 < width {
            let Some(right) = siblings.next() else {
                return false;
            };
            hash = node_hash(&hash, right);
        }
        position /= 2;
        width = (width + 1) / 2;
    }
    // Every sibling must have been used.
    siblings.next().is_none() && hash == *root
}
