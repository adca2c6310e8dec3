use kata_assert::{expect, expect_eq};
use merkle_proof::{leaf_hash, merkle_root, node_hash, prove, verify, Hash, Proof};
use sha2::{Digest, Sha256};

// An independent model of the tree, written the RFC 6962 way (split at the largest power of two
// below n), which gives the same tree as carrying an unpaired node up level by level.

fn sha(parts: &[&[u8]]) -> Hash {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

fn model_leaf(data: &[u8]) -> Hash {
    sha(&[&[0u8], data])
}

fn model_node(l: &Hash, r: &Hash) -> Hash {
    sha(&[&[1u8], l, r])
}

fn split(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

fn model_root(leaves: &[Vec<u8>]) -> Hash {
    match leaves.len() {
        0 => sha(&[]),
        1 => model_leaf(&leaves[0]),
        n => {
            let k = split(n);
            model_node(&model_root(&leaves[..k]), &model_root(&leaves[k..]))
        }
    }
}

fn model_path(m: usize, leaves: &[Vec<u8>]) -> Vec<Hash> {
    let n = leaves.len();
    if n <= 1 {
        return Vec::new();
    }
    let k = split(n);
    if m < k {
        let mut path = model_path(m, &leaves[..k]);
        path.push(model_root(&leaves[k..]));
        path
    } else {
        let mut path = model_path(m - k, &leaves[k..]);
        path.push(model_root(&leaves[..k]));
        path
    }
}

fn leaves(n: usize) -> Vec<Vec<u8>> {
    (0..n).map(|i| format!("tx-{i}").into_bytes()).collect()
}

fn hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn leaf_hash_prefixes_0x00() {
    expect_eq!(
        hex(&leaf_hash(b"tx-a")),
        hex(&model_leaf(b"tx-a")),
        "leaf_hash(data) = SHA-256(0x00 || data)"
    );
    expect_eq!(
        hex(&leaf_hash(b"")),
        hex(&model_leaf(b"")),
        "leaf_hash of empty data = SHA-256(0x00)"
    );
}

#[test]
fn node_hash_prefixes_0x01() {
    let (l, r) = (model_leaf(b"l"), model_leaf(b"r"));
    expect_eq!(
        hex(&node_hash(&l, &r)),
        hex(&model_node(&l, &r)),
        "node_hash(l, r) = SHA-256(0x01 || l || r)"
    );
    expect!(
        node_hash(&l, &r) != node_hash(&r, &l),
        "node_hash(l, r) and node_hash(r, l) must differ: the order of children matters"
    );
}

#[test]
fn empty_tree_root_is_sha256_of_nothing() {
    let none: [&[u8]; 0] = [];
    expect_eq!(
        hex(&merkle_root(&none)),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".to_string(),
        "the root of no leaves is SHA-256 of the empty string"
    );
}

#[test]
fn single_leaf_root_is_its_leaf_hash() {
    expect_eq!(
        hex(&merkle_root(&["only"])),
        hex(&model_leaf(b"only")),
        "one leaf: the root is leaf_hash(leaf)"
    );
}

#[test]
fn two_leaves_hash_together() {
    let expected = model_node(&model_leaf(b"a"), &model_leaf(b"b"));
    expect_eq!(
        hex(&merkle_root(&["a", "b"])),
        hex(&expected),
        "two leaves: node_hash(leaf_hash(a), leaf_hash(b))"
    );
}

#[test]
fn three_leaves_carry_the_last_one_up() {
    let (a, b, c) = (model_leaf(b"a"), model_leaf(b"b"), model_leaf(b"c"));
    expect_eq!(
        hex(&merkle_root(&["a", "b", "c"])),
        hex(&model_node(&model_node(&a, &b), &c)),
        "three leaves: node_hash(node_hash(A, B), C); C is carried up unchanged, not paired with itself"
    );
}

#[test]
fn five_leaves_carry_the_last_one_up_twice() {
    let h: Vec<Hash> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|s| model_leaf(s.as_bytes()))
        .collect();
    let left = model_node(&model_node(&h[0], &h[1]), &model_node(&h[2], &h[3]));
    expect_eq!(
        hex(&merkle_root(&["a", "b", "c", "d", "e"])),
        hex(&model_node(&left, &h[4])),
        "five leaves: E is carried up two levels, then paired with the root of a..d"
    );
}

#[test]
fn duplicating_the_last_leaf_changes_the_root() {
    expect!(
        merkle_root(&["a", "b", "c"]) != merkle_root(&["a", "b", "c", "c"]),
        "[a, b, c] and [a, b, c, c] are different lists and must have different roots (no duplicating of an odd last node)"
    );
}

#[test]
fn roots_are_right_for_every_size_up_to_40() {
    for n in 0..=40 {
        let l = leaves(n);
        expect_eq!(
            hex(&merkle_root(&l)),
            hex(&model_root(&l)),
            "root of {} leaves tx-0..tx-{}",
            n,
            n.saturating_sub(1)
        );
    }
}

#[test]
fn leaf_order_matters() {
    expect!(
        merkle_root(&["a", "b"]) != merkle_root(&["b", "a"]),
        "swapping two leaves must change the root"
    );
}

#[test]
fn leaves_can_be_any_bytes() {
    let l: Vec<Vec<u8>> = vec![vec![], vec![0, 1, 2], vec![255; 100]];
    expect_eq!(
        hex(&merkle_root(&l)),
        hex(&model_root(&l)),
        "leaves are raw bytes: empty, short and long leaves all hash as data"
    );
}

#[test]
fn prove_out_of_range_is_none() {
    expect_eq!(
        prove(&["a", "b", "c"], 3),
        None,
        "index 3 of 3 leaves is out of range"
    );
    let none: [&str; 0] = [];
    expect_eq!(prove(&none, 0), None, "an empty tree has no leaf to prove");
}

#[test]
fn proof_records_index_and_leaf_count() {
    let p = prove(&leaves(6), 4).expect("index 4 of 6 leaves is in range");
    expect_eq!(p.index, 4, "the proof's index is the leaf's index");
    expect_eq!(
        p.leaf_count,
        6,
        "the proof's leaf_count is the number of leaves"
    );
}

#[test]
fn single_leaf_proof_has_no_siblings() {
    let p = prove(&["only"], 0).expect("index 0 of 1 leaf is in range");
    expect_eq!(
        p.siblings,
        Vec::<Hash>::new(),
        "a one-leaf tree's proof has no siblings"
    );
}

#[test]
fn three_leaf_proofs_list_siblings_bottom_up() {
    let (a, b, c) = (model_leaf(b"a"), model_leaf(b"b"), model_leaf(b"c"));
    let ab = model_node(&a, &b);
    let l = ["a", "b", "c"];
    expect_eq!(
        prove(&l, 0).map(|p| p.siblings),
        Some(vec![b, c]),
        "the proof for a is [B, C]: B at the leaf level, then C"
    );
    expect_eq!(
        prove(&l, 1).map(|p| p.siblings),
        Some(vec![a, c]),
        "the proof for b is [A, C]"
    );
    expect_eq!(
        prove(&l, 2).map(|p| p.siblings),
        Some(vec![ab]),
        "the proof for c is [node_hash(A, B)]: c is carried up at the leaf level and adds nothing there"
    );
}

#[test]
fn proofs_are_right_for_every_leaf_of_every_size_up_to_33() {
    for n in 1..=33 {
        let l = leaves(n);
        for i in 0..n {
            expect_eq!(
                prove(&l, i).map(|p| p.siblings),
                Some(model_path(i, &l)),
                "siblings of leaf {} in a tree of {} leaves",
                i,
                n
            );
        }
    }
}

#[test]
fn every_honest_proof_verifies() {
    for n in 1..=33 {
        let l = leaves(n);
        let root = model_root(&l);
        for i in 0..n {
            let proof = Proof {
                index: i,
                leaf_count: n,
                siblings: model_path(i, &l),
            };
            expect!(
                verify(&root, &l[i], &proof),
                "an honest proof for leaf {} of {} leaves must verify",
                i,
                n
            );
        }
    }
}

#[test]
fn large_tree_proof_is_short_and_verifies() {
    let l = leaves(1000);
    let root = merkle_root(&l);
    let proof = prove(&l, 999).expect("index 999 of 1000 is in range");
    expect_eq!(
        proof.siblings,
        model_path(999, &l),
        "leaf 999 of 1000 is carried up twice: 8 siblings"
    );
    expect!(
        verify(&root, &l[999], &proof),
        "the proof for leaf 999 verifies"
    );
}

#[test]
fn wrong_leaf_data_does_not_verify() {
    let l = leaves(7);
    let root = merkle_root(&l);
    let proof = prove(&l, 3).expect("in range");
    expect!(
        !verify(&root, b"tx-forged", &proof),
        "data that is not leaf 3 must not verify"
    );
    expect!(!verify(&root, b"", &proof), "empty data must not verify");
}

#[test]
fn a_proof_does_not_verify_another_leaf() {
    for n in [2, 3, 5, 8, 13] {
        let l = leaves(n);
        let root = merkle_root(&l);
        for i in 0..n {
            let proof = prove(&l, i).expect("in range");
            for (j, other) in l.iter().enumerate() {
                if j != i {
                    expect!(
                        !verify(&root, other, &proof),
                        "the proof for leaf {} of {} must not verify leaf {}'s data",
                        i,
                        n,
                        j
                    );
                }
            }
        }
    }
}

#[test]
fn changing_the_index_breaks_the_proof() {
    for n in [2, 4, 6, 7, 9] {
        let l = leaves(n);
        let root = merkle_root(&l);
        for i in 0..n {
            let honest = prove(&l, i).expect("in range");
            for j in 0..n {
                if j != i {
                    let moved = Proof {
                        index: j,
                        ..honest.clone()
                    };
                    expect!(
                        !verify(&root, &l[i], &moved),
                        "leaf {}'s data and siblings with index {} (of {}) claim the wrong position and must not verify",
                        i,
                        j,
                        n
                    );
                }
            }
        }
    }
}

#[test]
fn index_beyond_leaf_count_does_not_verify() {
    let root = merkle_root(&["only"]);
    let proof = Proof {
        index: 1,
        leaf_count: 1,
        siblings: vec![],
    };
    expect!(
        !verify(&root, b"only", &proof),
        "index 1 in a tree of 1 leaf is out of range: false"
    );
    let proof = Proof {
        index: 7,
        leaf_count: 1,
        siblings: vec![],
    };
    expect!(
        !verify(&root, b"only", &proof),
        "index 7 in a tree of 1 leaf is out of range: false"
    );
}

#[test]
fn zero_leaf_count_does_not_verify() {
    let empty_root = sha(&[]);
    let proof = Proof {
        index: 0,
        leaf_count: 0,
        siblings: vec![],
    };
    expect!(
        !verify(&empty_root, b"", &proof),
        "a tree of 0 leaves contains nothing: false"
    );
}

#[test]
fn huge_leaf_counts_are_rejected_without_panicking() {
    let data = leaves(4);
    let root = model_root(&data);
    for (index, leaf_count) in [
        (0, usize::MAX),
        (usize::MAX - 1, usize::MAX),
        (3, usize::MAX / 2 + 1),
    ] {
        let proof = Proof {
            index,
            leaf_count,
            siblings: (0..64u8).map(|i| model_leaf(&[i])).collect(),
        };
        let got = std::panic::catch_unwind(|| verify(&root, &data[0], &proof));
        expect_eq!(
            got.ok(),
            Some(false),
            "a crafted proof with index {} and leaf_count {} must be rejected (false), not crash the verifier",
            index,
            leaf_count
        );
    }
}

#[test]
fn changing_the_leaf_count_to_another_shape_breaks_the_proof() {
    let l = leaves(5);
    let root = merkle_root(&l);
    let honest = prove(&l, 4).expect("in range");
    for count in [4, 6, 8] {
        let reshaped = Proof {
            leaf_count: count,
            ..honest.clone()
        };
        expect!(
            !verify(&root, &l[4], &reshaped),
            "leaf 4 of 5 has a different path in a tree of {} leaves: false",
            count
        );
    }
}

#[test]
fn truncated_proof_does_not_verify() {
    let l = leaves(8);
    let root = merkle_root(&l);
    let mut proof = prove(&l, 5).expect("in range");
    proof.siblings.pop();
    expect!(
        !verify(&root, &l[5], &proof),
        "a proof missing its last sibling must not verify"
    );
    proof.siblings.clear();
    expect!(
        !verify(&root, &l[5], &proof),
        "a proof with no siblings must not verify in a tree of 8"
    );
}

#[test]
fn extra_siblings_do_not_verify() {
    let l = leaves(8);
    let root = merkle_root(&l);
    let honest = prove(&l, 2).expect("in range");
    let mut longer = honest.clone();
    longer.siblings.push([0u8; 32]);
    expect!(
        !verify(&root, &l[2], &longer),
        "a proof with a sibling left over must not verify (every sibling must be used)"
    );
    let mut longer = honest;
    longer.siblings.push(root);
    expect!(
        !verify(&root, &l[2], &longer),
        "a proof with an extra sibling must not verify, whatever the extra hash is"
    );
}

#[test]
fn tampered_sibling_does_not_verify() {
    let l = leaves(6);
    let root = merkle_root(&l);
    let honest = prove(&l, 1).expect("in range");
    for k in 0..honest.siblings.len() {
        let mut tampered = honest.clone();
        tampered.siblings[k][0] ^= 1;
        expect!(
            !verify(&root, &l[1], &tampered),
            "flipping a bit of sibling {} must break the proof",
            k
        );
    }
}

#[test]
fn proof_does_not_verify_against_another_root() {
    let l = leaves(4);
    let proof = prove(&l, 0).expect("in range");
    let mut other = leaves(4);
    other[3] = b"tx-changed".to_vec();
    expect!(
        !verify(&merkle_root(&other), &l[0], &proof),
        "a tree with a different leaf has a different root; the old proof must not verify against it"
    );
}

#[test]
fn inner_node_cannot_pass_as_a_leaf() {
    // Without domain separation, the 64 bytes A || B "hash as a leaf" to node(A, B), and a
    // one-level proof with sibling node(C, D) would verify against the root of a, b, c, d.
    // The forgery is built with the solution's own hash functions.
    let l = ["a", "b", "c", "d"];
    let root = merkle_root(&l);
    let (a, b) = (leaf_hash(b"a"), leaf_hash(b"b"));
    let (c, d) = (leaf_hash(b"c"), leaf_hash(b"d"));
    let mut forged_leaf = a.to_vec();
    forged_leaf.extend_from_slice(&b);
    let forged = Proof {
        index: 0,
        leaf_count: 2,
        siblings: vec![node_hash(&c, &d)],
    };
    expect!(
        !verify(&root, &forged_leaf, &forged),
        "the bytes of two child hashes must not verify as a leaf (leaves and nodes are hashed with different prefixes)"
    );
}

#[test]
fn prove_and_verify_round_trip() {
    let l = leaves(11);
    let root = merkle_root(&l);
    for (i, leaf) in l.iter().enumerate() {
        let proof = prove(&l, i).expect("in range");
        expect!(
            verify(&root, leaf, &proof),
            "prove then verify for leaf {} of 11",
            i
        );
    }
}
