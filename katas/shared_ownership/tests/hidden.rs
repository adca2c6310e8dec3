use kata_assert::{expect, expect_eq};
use shared_ownership::Node;

use std::cell::Cell;
use std::rc::Rc;

/// A value that counts how many times values of its kind were dropped. It implements neither
/// `Clone` nor `Debug`: the tree must not need them.
struct Tracked {
    id: u32,
    drops: Rc<Cell<usize>>,
}

impl Drop for Tracked {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

/// Makes tracked nodes that share one drop counter.
struct Factory {
    drops: Rc<Cell<usize>>,
}

impl Factory {
    fn new() -> Self {
        Factory {
            drops: Rc::new(Cell::new(0)),
        }
    }
    fn node(&self, id: u32) -> Rc<Node<Tracked>> {
        Node::new(Tracked {
            id,
            drops: Rc::clone(&self.drops),
        })
    }
    fn dropped(&self) -> usize {
        self.drops.get()
    }
}

fn ids(nodes: &[Rc<Node<Tracked>>]) -> Vec<u32> {
    nodes.iter().map(|n| n.value().id).collect()
}

fn same(a: &Option<Rc<Node<Tracked>>>, b: &Rc<Node<Tracked>>) -> bool {
    a.as_ref().is_some_and(|a| Rc::ptr_eq(a, b))
}

#[test]
fn new_node_has_no_parent_and_no_children() {
    let f = Factory::new();
    let node = f.node(1);
    expect!(node.parent().is_none(), "a new node has no parent");
    expect!(node.children().is_empty(), "a new node has no children");
    expect_eq!(node.value().id, 1, "value() returns the value given to new");
    expect_eq!(node.depth(), 0, "a new node has depth 0");
}

#[test]
fn add_child_links_parent_and_child() {
    let f = Factory::new();
    let root = f.node(1);
    let child = f.node(2);
    expect!(
        root.add_child(&child),
        "adding a fresh node as a child returns true"
    );
    expect!(
        same(&child.parent(), &root),
        "the child's parent is the node it was added to"
    );
    let children = root.children();
    expect_eq!(children.len(), 1, "the parent has one child");
    expect!(
        Rc::ptr_eq(&children[0], &child),
        "children() returns the added node itself"
    );
}

#[test]
fn children_keep_the_order_they_were_added_in() {
    let f = Factory::new();
    let root = f.node(0);
    for id in [5, 3, 9, 1] {
        root.add_child(&f.node(id));
    }
    expect_eq!(
        ids(&root.children()),
        vec![5, 3, 9, 1],
        "children are listed in the order they were added"
    );
}

#[test]
fn child_does_not_keep_its_parent_alive() {
    let f = Factory::new();
    let root = f.node(1);
    let child = f.node(2);
    root.add_child(&child);
    expect_eq!(
        Rc::strong_count(&root),
        1,
        "after root.add_child(&child), the child's parent link must be weak: strong_count(&root) stays 1"
    );
    drop(root);
    expect_eq!(
        f.dropped(),
        1,
        "dropping the only handle to the root drops the root's value"
    );
    expect!(
        child.parent().is_none(),
        "once the parent is dropped, parent() is None"
    );
    expect_eq!(
        child.depth(),
        0,
        "once the parent is dropped, the child has depth 0"
    );
    expect!(
        Rc::ptr_eq(&child.root(), &child),
        "once the parent is dropped, the child is its own root"
    );
}

#[test]
fn parent_keeps_its_children_alive() {
    let f = Factory::new();
    let root = f.node(1);
    root.add_child(&f.node(2));
    let grandchild = f.node(3);
    root.children()[0].add_child(&grandchild);
    drop(grandchild);
    expect_eq!(
        f.dropped(),
        0,
        "children stay alive while their parent holds them"
    );
    let children = root.children();
    expect_eq!(
        ids(&children[0].children()),
        vec![3],
        "the grandchild is still reachable"
    );
}

#[test]
fn dropping_the_root_drops_the_whole_tree() {
    let f = Factory::new();
    let root = f.node(0);
    let mut created = 1;
    for i in 0..10 {
        let child = f.node(100 + i);
        root.add_child(&child);
        for j in 0..10 {
            child.add_child(&f.node(1000 + 10 * i + j));
            created += 1;
        }
        created += 1;
    }
    expect_eq!(f.dropped(), 0, "nothing is dropped while the root is alive");
    drop(root);
    expect_eq!(
        f.dropped(),
        created,
        "dropping the root drops all {} values",
        created
    );
}

#[test]
fn dropping_a_deep_chain_drops_every_node() {
    let f = Factory::new();
    let root = f.node(0);
    let mut last = Rc::clone(&root);
    for id in 1..200 {
        let next = f.node(id);
        last.add_child(&next);
        last = next;
    }
    expect_eq!(
        last.depth(),
        199,
        "the deepest of 200 chained nodes has 199 ancestors"
    );
    expect!(
        Rc::ptr_eq(&last.root(), &root),
        "the root of the chain is its first node"
    );
    drop(last);
    drop(root);
    expect_eq!(
        f.dropped(),
        200,
        "dropping the chain's handles drops all 200 values"
    );
}

#[test]
fn holding_a_leaf_keeps_only_the_leaf() {
    let f = Factory::new();
    let root = f.node(0);
    let middle = f.node(1);
    let leaf = f.node(2);
    root.add_child(&middle);
    middle.add_child(&leaf);
    drop(middle);
    drop(root);
    expect_eq!(
        f.dropped(),
        2,
        "a leaf does not keep its parent or grandparent alive"
    );
    expect_eq!(leaf.value().id, 2, "the leaf itself is alive");
    drop(leaf);
    expect_eq!(f.dropped(), 3, "finally the leaf is dropped too");
}

#[test]
fn depth_counts_ancestors() {
    let f = Factory::new();
    let root = f.node(0);
    let a = f.node(1);
    let b = f.node(2);
    root.add_child(&a);
    a.add_child(&b);
    expect_eq!(root.depth(), 0, "the root has no ancestors");
    expect_eq!(a.depth(), 1, "a child of the root has 1 ancestor");
    expect_eq!(b.depth(), 2, "a grandchild of the root has 2 ancestors");
}

#[test]
fn root_walks_to_the_top() {
    let f = Factory::new();
    let root = f.node(0);
    let a = f.node(1);
    let b = f.node(2);
    root.add_child(&a);
    a.add_child(&b);
    expect!(
        Rc::ptr_eq(&b.root(), &root),
        "the root of a grandchild is the top node"
    );
    expect!(
        Rc::ptr_eq(&a.root(), &root),
        "the root of a child is the top node"
    );
    expect!(
        Rc::ptr_eq(&root.root(), &root),
        "a node without parent is its own root"
    );
}

#[test]
fn adding_a_node_to_itself_is_refused() {
    let f = Factory::new();
    let node = f.node(1);
    expect!(
        !node.add_child(&node),
        "a node cannot be its own child: add_child returns false"
    );
    expect!(
        node.parent().is_none(),
        "the refused add_child changes nothing: no parent"
    );
    expect!(
        node.children().is_empty(),
        "the refused add_child changes nothing: no children"
    );
    drop(node);
    expect_eq!(
        f.dropped(),
        1,
        "the node is freed: the refused add_child made no cycle"
    );
}

#[test]
fn adding_a_parent_as_a_child_is_refused() {
    let f = Factory::new();
    let root = f.node(0);
    let child = f.node(1);
    root.add_child(&child);
    expect!(
        !child.add_child(&root),
        "a node's parent cannot become its child: add_child returns false"
    );
    expect!(
        root.parent().is_none(),
        "the refused add_child changes nothing: the root has no parent"
    );
    expect_eq!(
        ids(&child.children()),
        vec![],
        "the refused add_child changes nothing: the child has no children"
    );
    drop(child);
    drop(root);
    expect_eq!(
        f.dropped(),
        2,
        "both nodes are freed: the refused add_child made no cycle"
    );
}

#[test]
fn adding_an_ancestor_as_a_child_is_refused() {
    let f = Factory::new();
    let root = f.node(0);
    let a = f.node(1);
    let b = f.node(2);
    let c = f.node(3);
    root.add_child(&a);
    a.add_child(&b);
    b.add_child(&c);
    expect!(
        !c.add_child(&root),
        "the root is an ancestor of c: add_child returns false"
    );
    expect!(
        !c.add_child(&a),
        "a is an ancestor of c: add_child returns false"
    );
    expect!(
        root.parent().is_none(),
        "the refused add_child changes nothing: the root has no parent"
    );
    expect!(
        same(&a.parent(), &root),
        "the refused add_child changes nothing: a's parent is still the root"
    );
    expect_eq!(c.depth(), 3, "c still has 3 ancestors");
    drop((root, a, b, c));
    expect_eq!(f.dropped(), 4, "all 4 nodes are freed: no cycle was made");
}

#[test]
fn a_descendant_can_move_up() {
    let f = Factory::new();
    let root = f.node(0);
    let a = f.node(1);
    let b = f.node(2);
    root.add_child(&a);
    a.add_child(&b);
    expect!(
        root.add_child(&b),
        "a grandchild is not an ancestor: it can become a child of the root"
    );
    expect_eq!(
        ids(&root.children()),
        vec![1, 2],
        "b is appended to the root's children"
    );
    expect_eq!(ids(&a.children()), vec![], "b is no longer a child of a");
    expect!(same(&b.parent(), &root), "b's parent is now the root");
}

#[test]
fn adding_to_a_new_parent_moves_the_child() {
    let f = Factory::new();
    let first = f.node(1);
    let second = f.node(2);
    let child = f.node(3);
    first.add_child(&child);
    expect!(
        second.add_child(&child),
        "a child can be moved to another parent"
    );
    expect_eq!(
        ids(&first.children()),
        vec![],
        "the old parent no longer lists the child"
    );
    expect_eq!(
        ids(&second.children()),
        vec![3],
        "the new parent lists the child"
    );
    expect!(
        same(&child.parent(), &second),
        "the child's parent is the new parent"
    );
}

#[test]
fn moving_a_node_takes_its_subtree_along() {
    let f = Factory::new();
    let first = f.node(1);
    let second = f.node(2);
    let child = f.node(3);
    let grandchild = f.node(4);
    first.add_child(&child);
    child.add_child(&grandchild);
    second.add_child(&child);
    expect!(
        Rc::ptr_eq(&grandchild.root(), &second),
        "the grandchild moved with its parent"
    );
    expect_eq!(
        grandchild.depth(),
        2,
        "the grandchild is 2 levels below its new root"
    );
    drop((child, grandchild, first));
    expect_eq!(
        f.dropped(),
        1,
        "only the old parent is dropped; the moved subtree lives under the new parent"
    );
    drop(second);
    expect_eq!(
        f.dropped(),
        4,
        "dropping the new parent drops the whole moved subtree"
    );
}

#[test]
fn re_adding_a_child_moves_it_to_the_end_once() {
    let f = Factory::new();
    let root = f.node(0);
    let a = f.node(1);
    let b = f.node(2);
    root.add_child(&a);
    root.add_child(&b);
    expect!(
        root.add_child(&a),
        "adding an existing child again returns true"
    );
    expect_eq!(
        ids(&root.children()),
        vec![2, 1],
        "the re-added child moves to the end and is listed once"
    );
}

#[test]
fn detach_unlinks_the_node() {
    let f = Factory::new();
    let root = f.node(0);
    let a = f.node(1);
    let b = f.node(2);
    root.add_child(&a);
    root.add_child(&b);
    a.detach();
    expect_eq!(
        ids(&root.children()),
        vec![2],
        "the detached node is removed from its parent's children"
    );
    expect!(a.parent().is_none(), "the detached node has no parent");
    expect_eq!(a.depth(), 0, "the detached node has depth 0");
    expect!(
        Rc::ptr_eq(&a.root(), &a),
        "the detached node is its own root"
    );
}

#[test]
fn detached_subtree_lives_while_held_and_then_drops() {
    let f = Factory::new();
    let root = f.node(0);
    let a = f.node(1);
    root.add_child(&a);
    a.add_child(&f.node(2));
    a.detach();
    drop(root);
    expect_eq!(
        f.dropped(),
        1,
        "dropping the root drops only the root: the detached subtree is held elsewhere"
    );
    expect_eq!(
        ids(&a.children()),
        vec![2],
        "the detached node keeps its own children"
    );
    drop(a);
    expect_eq!(
        f.dropped(),
        3,
        "dropping the detached node drops its subtree"
    );
}

#[test]
fn detach_without_parent_does_nothing() {
    let f = Factory::new();
    let root = f.node(0);
    root.add_child(&f.node(1));
    root.detach();
    expect!(root.parent().is_none(), "a root stays without parent");
    expect_eq!(
        ids(&root.children()),
        vec![1],
        "detaching a root keeps its children"
    );
}

#[test]
fn detached_node_can_be_added_again() {
    let f = Factory::new();
    let root = f.node(0);
    let a = f.node(1);
    root.add_child(&a);
    a.detach();
    expect!(
        a.add_child(&root),
        "after detaching, the old parent is no longer an ancestor"
    );
    expect!(same(&root.parent(), &a), "the old parent is now the child");
    expect_eq!(root.depth(), 1, "the old parent now has 1 ancestor");
}

#[test]
fn child_of_a_dropped_parent_can_be_adopted() {
    let f = Factory::new();
    let old = f.node(0);
    let child = f.node(1);
    old.add_child(&child);
    drop(old);
    let new = f.node(2);
    expect!(
        new.add_child(&child),
        "a child whose parent was dropped can be added to a new parent"
    );
    expect!(same(&child.parent(), &new), "its parent is the new node");
    expect_eq!(
        ids(&new.children()),
        vec![1],
        "the new parent lists it once"
    );
}

#[test]
fn works_with_values_that_are_not_clone() {
    struct Opaque(#[allow(dead_code)] Vec<u8>);
    let root = Node::new(Opaque(vec![1]));
    let child = Node::new(Opaque(vec![2]));
    expect!(
        root.add_child(&child),
        "any T works, even one without Clone or Debug"
    );
    expect_eq!(
        child.value().0,
        vec![2],
        "value() gives access to the value"
    );
}
