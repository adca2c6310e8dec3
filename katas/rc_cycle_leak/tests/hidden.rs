use kata_assert::{expect, expect_eq};
use rc_cycle_leak::TreeNode;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

/// The names of the values dropped so far, in drop order.
#[derive(Clone, Default)]
struct DropLog(Rc<RefCell<Vec<String>>>);

impl DropLog {
    fn count(&self) -> usize {
        self.0.borrow().len()
    }

    fn was_dropped(&self, name: &str) -> bool {
        self.0.borrow().iter().any(|n| n == name)
    }

    fn sorted(&self) -> Vec<String> {
        let mut names = self.0.borrow().clone();
        names.sort();
        names
    }

    fn node(&self, name: &str) -> Rc<TreeNode<Probe>> {
        TreeNode::new(Probe {
            name: name.to_string(),
            log: self.clone(),
        })
    }
}

/// A node value that records its own drop.
struct Probe {
    name: String,
    log: DropLog,
}

impl Drop for Probe {
    fn drop(&mut self) {
        self.log.0.borrow_mut().push(self.name.clone());
    }
}

fn name(node: &Rc<TreeNode<Probe>>) -> String {
    node.value().name.clone()
}

fn child_names(node: &Rc<TreeNode<Probe>>) -> Vec<String> {
    node.children().iter().map(name).collect()
}

/// Calls `parent()`, turning a panic into a failure that says what the task requires.
fn parent_of(node: &Rc<TreeNode<Probe>>) -> Option<Rc<TreeNode<Probe>>> {
    let result = catch_unwind(AssertUnwindSafe(|| node.parent()));
    expect!(
        result.is_ok(),
        "parent() of {:?} panicked; it must return None when the parent has been dropped",
        name(node)
    );
    result.unwrap()
}

fn is_parent(child: &Rc<TreeNode<Probe>>, parent: &Rc<TreeNode<Probe>>) -> bool {
    matches!(parent_of(child), Some(p) if Rc::ptr_eq(&p, parent))
}

/// Builds root -> a, b, c; each of a, b, c -> three leaves (13 nodes). Returns only the root.
fn three_level_tree(log: &DropLog) -> Rc<TreeNode<Probe>> {
    let root = log.node("root");
    for c in ["a", "b", "c"] {
        let child = log.node(c);
        root.add_child(Rc::clone(&child));
        for i in 1..=3 {
            child.add_child(log.node(&format!("{c}{i}")));
        }
    }
    root
}

#[test]
fn new_node_has_its_value_and_no_relatives() {
    let log = DropLog::default();
    let node = log.node("solo");
    expect_eq!(
        name(&node),
        "solo",
        "value() returns the value given to new()"
    );
    expect!(parent_of(&node).is_none(), "a new node has no parent");
    expect_eq!(node.children().len(), 0, "a new node has no children");
}

#[test]
fn add_child_links_parent_and_child() {
    let log = DropLog::default();
    let root = log.node("root");
    let child = log.node("child");
    root.add_child(Rc::clone(&child));
    expect!(
        is_parent(&child, &root),
        "after root.add_child(child), child.parent() is the root"
    );
    let children = root.children();
    expect_eq!(
        children.len(),
        1,
        "after one add_child the root has one child"
    );
    expect!(
        Rc::ptr_eq(&children[0], &child),
        "root.children() holds the very node that was added"
    );
    expect!(
        parent_of(&root).is_none(),
        "adding a child gives the root no parent"
    );
}

#[test]
fn children_come_in_the_order_added() {
    let log = DropLog::default();
    let root = log.node("root");
    for n in ["x", "y", "z", "w"] {
        root.add_child(log.node(n));
    }
    expect_eq!(
        child_names(&root),
        vec!["x", "y", "z", "w"],
        "children() lists the children in the order they were added"
    );
}

#[test]
fn parent_links_lead_up_to_the_root() {
    let log = DropLog::default();
    let root = log.node("root");
    let mid = log.node("mid");
    let leaf = log.node("leaf");
    root.add_child(Rc::clone(&mid));
    mid.add_child(Rc::clone(&leaf));
    expect!(is_parent(&leaf, &mid), "leaf.parent() is mid");
    expect!(is_parent(&mid, &root), "mid.parent() is root");
    let up_two = parent_of(&leaf).and_then(|p| parent_of(&p));
    expect!(
        matches!(&up_two, Some(p) if Rc::ptr_eq(p, &root)),
        "the parent of leaf's parent is root"
    );
    expect_eq!(child_names(&mid), vec!["leaf"], "mid's only child is leaf");
}

#[test]
fn lone_node_is_dropped_with_its_last_handle() {
    let log = DropLog::default();
    let node = log.node("solo");
    drop(node);
    expect_eq!(
        log.count(),
        1,
        "dropping the only handle to a lone node drops its value"
    );
}

#[test]
fn dropping_parent_and_child_handles_drops_both() {
    let log = DropLog::default();
    let root = log.node("root");
    let child = log.node("child");
    root.add_child(Rc::clone(&child));
    drop(child);
    drop(root);
    expect_eq!(
        log.sorted(),
        vec!["child", "root"],
        "once no handle to a parent and its child is left, both values are dropped"
    );
}

#[test]
fn dropping_root_then_child_handle_drops_both() {
    let log = DropLog::default();
    let root = log.node("root");
    let child = log.node("child");
    root.add_child(Rc::clone(&child));
    drop(root);
    drop(child);
    expect_eq!(
        log.sorted(),
        vec!["child", "root"],
        "dropping the root handle first and the child handle second drops both values"
    );
}

#[test]
fn dropping_the_root_drops_the_whole_tree() {
    let log = DropLog::default();
    let root = three_level_tree(&log);
    expect_eq!(log.count(), 0, "nothing is dropped while the root is held");
    drop(root);
    let mut expected = vec!["root".to_string()];
    for c in ["a", "b", "c"] {
        expected.push(c.to_string());
        for i in 1..=3 {
            expected.push(format!("{c}{i}"));
        }
    }
    expected.sort();
    expect_eq!(
        log.sorted(),
        expected,
        "dropping the last handle to the root of a 13-node tree drops all 13 values"
    );
}

#[test]
fn the_tree_keeps_its_nodes_alive_while_the_root_is_held() {
    let log = DropLog::default();
    let root = three_level_tree(&log);
    expect_eq!(
        log.count(),
        0,
        "children whose handles were dropped stay alive: their parent owns them"
    );
    expect_eq!(
        child_names(&root),
        vec!["a", "b", "c"],
        "the root still lists its three children after their handles were dropped"
    );
    let b = root.children()[1].clone();
    expect_eq!(
        child_names(&b),
        vec!["b1", "b2", "b3"],
        "grandchildren stay in their parent's list too"
    );
    expect!(is_parent(&b, &root), "b's parent is still the root");
}

#[test]
fn holding_a_child_does_not_keep_its_parent_alive() {
    let log = DropLog::default();
    let root = log.node("root");
    let leaf = log.node("leaf");
    root.add_child(Rc::clone(&leaf));
    drop(root);
    expect!(
        log.was_dropped("root"),
        "with only a handle to the child left, the root is dropped: a child never keeps its parent alive"
    );
    expect!(
        !log.was_dropped("leaf"),
        "the child is still held, so it is not dropped"
    );
    expect!(
        parent_of(&leaf).is_none(),
        "parent() returns None once the parent has been dropped"
    );
    expect_eq!(name(&leaf), "leaf", "the held child keeps its value");
    drop(leaf);
    expect_eq!(
        log.count(),
        2,
        "dropping the child handle too drops both values"
    );
}

#[test]
fn holding_a_grandchild_keeps_only_the_grandchild() {
    let log = DropLog::default();
    let root = log.node("root");
    let mid = log.node("mid");
    let leaf = log.node("leaf");
    root.add_child(Rc::clone(&mid));
    root.add_child(log.node("sibling"));
    mid.add_child(Rc::clone(&leaf));
    drop(mid);
    drop(root);
    expect_eq!(
        log.sorted(),
        vec!["mid", "root", "sibling"],
        "holding only the grandchild: its ancestors and the sibling are dropped"
    );
    expect!(
        parent_of(&leaf).is_none(),
        "the grandchild's parent has been dropped, so parent() returns None"
    );
    drop(leaf);
    expect_eq!(
        log.count(),
        4,
        "dropping the last handle drops the grandchild too"
    );
}

#[test]
fn holding_a_middle_node_keeps_its_subtree() {
    let log = DropLog::default();
    let root = log.node("root");
    let mid = log.node("mid");
    let leaf = log.node("leaf");
    root.add_child(Rc::clone(&mid));
    mid.add_child(Rc::clone(&leaf));
    drop(leaf);
    drop(root);
    expect_eq!(
        log.sorted(),
        vec!["root"],
        "holding mid keeps mid and its child alive; only the root is dropped"
    );
    expect!(
        parent_of(&mid).is_none(),
        "mid's parent has been dropped, so parent() returns None"
    );
    let children = mid.children();
    expect_eq!(
        children.len(),
        1,
        "mid still owns its child after the root is gone"
    );
    expect!(
        is_parent(&children[0], &mid),
        "the leaf's parent is still mid"
    );
    drop(children);
    drop(mid);
    expect_eq!(
        log.sorted(),
        vec!["leaf", "mid", "root"],
        "dropping mid's handle drops mid and its child"
    );
}

#[test]
fn parent_handles_obtained_earlier_do_not_leak() {
    let log = DropLog::default();
    let root = log.node("root");
    let child = log.node("child");
    root.add_child(Rc::clone(&child));
    for _ in 0..3 {
        let p = parent_of(&child);
        expect!(
            p.is_some(),
            "while the root is held, child.parent() returns it"
        );
    }
    let _ = root.children();
    drop(root);
    drop(child);
    expect_eq!(
        log.count(),
        2,
        "handles returned by parent() and children() and then dropped keep nothing alive"
    );
}

#[test]
fn a_deep_chain_is_freed() {
    let log = DropLog::default();
    let root = log.node("n0");
    let mut last = Rc::clone(&root);
    for i in 1..1000 {
        let next = log.node(&format!("n{i}"));
        last.add_child(Rc::clone(&next));
        last = next;
    }
    let mut steps = 0;
    let mut cur = parent_of(&last);
    while let Some(p) = cur {
        steps += 1;
        cur = parent_of(&p);
    }
    expect_eq!(
        steps,
        999,
        "the deepest of 1,000 chained nodes has 999 ancestors"
    );
    drop(last);
    drop(root);
    expect_eq!(
        log.count(),
        1000,
        "dropping the root of a 1,000-node chain drops all 1,000 values"
    );
}

#[test]
fn a_wide_tree_is_freed() {
    let log = DropLog::default();
    let root = log.node("root");
    for i in 0..1000 {
        root.add_child(log.node(&format!("c{i}")));
    }
    expect_eq!(root.children().len(), 1000, "the root has 1,000 children");
    drop(root);
    expect_eq!(
        log.count(),
        1001,
        "dropping the root of a tree with 1,000 children drops all 1,001 values"
    );
}

#[test]
fn every_closed_document_is_freed() {
    let log = DropLog::default();
    for doc in 0..100 {
        let root = three_level_tree(&log);
        let first = root.children()[0].clone();
        expect!(
            is_parent(&first, &root),
            "document {doc}: a's parent is the root"
        );
        drop(first);
        drop(root);
        expect_eq!(
            log.count(),
            13 * (doc + 1),
            "after closing {} documents of 13 nodes, every one of their values has been dropped",
            doc + 1
        );
    }
}
