//! Merkle proofs: see the task statement (`kata hint merkle_proof` when stuck).

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// The hash of a leaf: `SHA-256(0x00 || data)`.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let _ = data;
    todo!("use sha2::Sha256")
}

/// The hash of an inner node: `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let _ = (left, right);
    todo!("use sha2::Sha256")
}

/// The Merkle root of `leaves`; the root of no leaves is `SHA-256("")`.
pub fn merkle_root<T: AsRef<[u8]>>(leaves: &[T]) -> Hash {
    let _ = leaves;
    todo!("build the tree level by level")
}

/// An inclusion proof for the leaf at `index` in a tree of `leaf_count` leaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proof {
    pub index: usize,
    pub leaf_count: usize,
    /// The sibling of each node on the path, from the leaf level up.
    pub siblings: Vec<Hash>,
}

/// The proof that `leaves[index]` is in the tree; `None` if `index` is out of range.
pub fn prove<T: AsRef<[u8]>>(leaves: &[T], index: usize) -> Option<Proof> {
    let _ = (leaves, index);
    todo!("collect the siblings on the path to the root")
}

/// Whether `proof` shows that `leaf` is the leaf at `proof.index` of the tree with `root`.
pub fn verify(root: &Hash, leaf: &[u8], proof: &Proof) -> bool {
    let _ = (root, leaf, proof);
    todo!("recompute the path and compare with the root")
}
