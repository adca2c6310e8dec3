use consistent_hash::HashRing;
use kata_assert::{expect, expect_eq};
use std::collections::HashMap;

/// The task's hash, copied so that the tests compute positions independently.
fn hash64(s: &str) -> u64 {
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

/// The rule of the task, computed the slow way: scan every virtual node.
fn expected_owner(nodes: &[&str], vnodes: usize, key: &str) -> Option<String> {
    let h = hash64(key);
    let mut at_or_after: Option<(u64, &str)> = None;
    let mut smallest: Option<(u64, &str)> = None;
    for node in nodes {
        for i in 0..vnodes {
            let p = hash64(&format!("{node}#{i}"));
            if p >= h && at_or_after.is_none_or(|(q, _)| p < q) {
                at_or_after = Some((p, node));
            }
            if smallest.is_none_or(|(q, _)| p < q) {
                smallest = Some((p, node));
            }
        }
    }
    at_or_after.or(smallest).map(|(_, n)| n.to_string())
}

fn ring_of(nodes: &[&str], vnodes: usize) -> HashRing {
    let mut ring = HashRing::new(vnodes);
    for node in nodes {
        ring.add_node(node);
    }
    ring
}

fn keys(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("key-{i}")).collect()
}

fn owners(ring: &HashRing, keys: &[String]) -> Vec<Option<String>> {
    keys.iter()
        .map(|k| ring.node_for(k).map(str::to_string))
        .collect()
}

#[test]
fn an_empty_ring_owns_nothing() {
    let ring = HashRing::new(10);
    expect_eq!(ring.node_for("anything"), None, "an empty ring gives None");
}

#[test]
fn zero_virtual_nodes_panics() {
    let result = std::panic::catch_unwind(|| HashRing::new(0));
    expect!(
        result.is_err(),
        "HashRing::new(0) must panic: every node needs a virtual node"
    );
}

#[test]
fn a_single_node_owns_every_key() {
    let ring = ring_of(&["only"], 5);
    for key in keys(500) {
        expect_eq!(
            ring.node_for(&key),
            Some("only"),
            "with one node, {:?} belongs to it",
            key
        );
    }
}

#[test]
fn add_and_remove_report_whether_anything_changed() {
    let mut ring = HashRing::new(3);
    expect!(ring.add_node("a"), "adding a new node returns true");
    expect!(
        !ring.add_node("a"),
        "adding a node already on the ring returns false"
    );
    expect!(
        !ring.remove_node("b"),
        "removing a node not on the ring returns false"
    );
    expect!(
        ring.remove_node("a"),
        "removing a node on the ring returns true"
    );
    expect!(!ring.remove_node("a"), "removing it again returns false");
    expect_eq!(
        ring.node_for("k"),
        None,
        "after removing the only node the ring is empty"
    );
}

#[test]
fn owner_is_the_first_virtual_node_at_or_after_the_key() {
    let nodes = ["alpha", "beta", "gamma"];
    let ring = ring_of(&nodes, 5);
    for key in keys(3000) {
        expect_eq!(
            ring.node_for(&key).map(str::to_string),
            expected_owner(&nodes, 5, &key),
            "{:?}: the owner is the node of the first virtual node at or after hash64(key)",
            key
        );
    }
}

#[test]
fn keys_past_the_last_position_wrap_to_the_first() {
    let nodes = ["alpha", "beta", "gamma"];
    let ring = ring_of(&nodes, 2);
    let last = nodes
        .iter()
        .flat_map(|n| (0..2).map(move |i| hash64(&format!("{n}#{i}"))))
        .max()
        .unwrap();
    let wrapping: Vec<String> = keys(20_000)
        .into_iter()
        .filter(|k| hash64(k) > last)
        .collect();
    expect!(
        !wrapping.is_empty(),
        "the test needs keys beyond the last position"
    );
    for key in wrapping {
        expect_eq!(
            ring.node_for(&key).map(str::to_string),
            expected_owner(&nodes, 2, &key),
            "{:?} hashes past every virtual node: the ring wraps around to the smallest position",
            key
        );
    }
}

#[test]
fn a_key_exactly_at_a_virtual_node_belongs_to_it() {
    let ring = ring_of(&["a", "b", "c"], 8);
    for node in ["a", "b", "c"] {
        for i in 0..8 {
            // The key "b#3" hashes to exactly the position of virtual node 3 of "b".
            let key = format!("{node}#{i}");
            expect_eq!(
                ring.node_for(&key),
                Some(node),
                "key {:?} sits exactly on a virtual node of {:?}: \"at or after\" includes it",
                key,
                node
            );
        }
    }
}

#[test]
fn many_virtual_nodes_follow_the_rule_too() {
    let nodes = ["n0", "n1", "n2", "n3", "n4", "n5", "n6"];
    let ring = ring_of(&nodes, 60);
    for key in keys(1500) {
        expect_eq!(
            ring.node_for(&key).map(str::to_string),
            expected_owner(&nodes, 60, &key),
            "{:?} with 7 nodes of 60 virtual nodes each",
            key
        );
    }
}

#[test]
fn node_names_are_any_strings() {
    let nodes = ["ключ", "cache#1", "", "10.0.0.1:6379"];
    let ring = ring_of(&nodes, 4);
    for key in keys(1000) {
        expect_eq!(
            ring.node_for(&key).map(str::to_string),
            expected_owner(&nodes, 4, &key),
            "{:?} with odd node names (non-ASCII, containing '#', empty)",
            key
        );
    }
}

#[test]
fn the_order_nodes_are_added_in_does_not_matter() {
    let ks = keys(5000);
    let forward = ring_of(&["a", "b", "c", "d", "e"], 20);
    let backward = ring_of(&["e", "d", "c", "b", "a"], 20);
    expect_eq!(
        owners(&forward, &ks),
        owners(&backward, &ks),
        "the owner of every key depends only on the set of nodes"
    );
}

#[test]
fn adding_a_node_moves_keys_only_to_the_new_node() {
    let ks = keys(20_000);
    let names: Vec<String> = (0..10).map(|i| format!("node-{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut ring = ring_of(&refs, 100);
    let before = owners(&ring, &ks);
    ring.add_node("node-new");
    let after = owners(&ring, &ks);
    let mut moved = 0;
    for (k, (b, a)) in ks.iter().zip(before.iter().zip(&after)) {
        if b != a {
            moved += 1;
            expect_eq!(
                a.as_deref(),
                Some("node-new"),
                "{:?} moved from {:?}: a key may only move to the node just added",
                k,
                b
            );
        }
    }
    let share = moved as f64 / ks.len() as f64;
    expect!(
        (0.05..=0.14).contains(&share),
        "adding an 11th node should move about 1/11 (9%) of the keys, not {:.1}%",
        share * 100.0
    );
}

#[test]
fn removing_a_node_moves_only_its_own_keys() {
    let ks = keys(20_000);
    let names: Vec<String> = (0..8).map(|i| format!("node-{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut ring = ring_of(&refs, 50);
    let before = owners(&ring, &ks);
    ring.remove_node("node-3");
    let after = owners(&ring, &ks);
    for (k, (b, a)) in ks.iter().zip(before.iter().zip(&after)) {
        if b.as_deref() == Some("node-3") {
            expect!(
                a.as_deref() != Some("node-3"),
                "{:?} still maps to the removed node",
                k
            );
        } else {
            expect_eq!(
                a,
                b,
                "{:?} did not belong to node-3, so removing node-3 must not move it",
                k
            );
        }
    }
}

#[test]
fn removing_a_node_leaves_the_ring_as_if_it_was_never_added() {
    let ks = keys(5000);
    let mut ring = ring_of(&["a", "b", "c", "d"], 30);
    ring.remove_node("b");
    let without_b = ring_of(&["a", "c", "d"], 30);
    expect_eq!(
        owners(&ring, &ks),
        owners(&without_b, &ks),
        "after removing b, every virtual node of b is gone"
    );
    ring.add_node("b");
    let with_b = ring_of(&["a", "b", "c", "d"], 30);
    expect_eq!(
        owners(&ring, &ks),
        owners(&with_b, &ks),
        "adding b back restores every key's owner"
    );
}

#[test]
fn virtual_nodes_spread_the_load_evenly() {
    let ks = keys(100_000);
    let names: Vec<String> = (0..10).map(|i| format!("cache-{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let ring = ring_of(&refs, 100);
    let mut load: HashMap<String, usize> = HashMap::new();
    for k in &ks {
        if let Some(n) = ring.node_for(k) {
            *load.entry(n.to_string()).or_default() += 1;
        }
    }
    expect_eq!(
        load.len(),
        10,
        "with 100 virtual nodes each, all 10 nodes get keys"
    );
    let mean = ks.len() as f64 / 10.0;
    for (node, count) in &load {
        let ratio = *count as f64 / mean;
        expect!(
            (0.7..=1.3).contains(&ratio),
            "{} holds {} keys, {:.2} times the average: 100 virtual nodes per node keep every share within 30% of the average",
            node,
            count,
            ratio
        );
    }
}
