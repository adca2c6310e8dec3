//! Detaches the child from its old parent before checking for a cycle, so a refused
//! `add_child` still moves the ancestor out of its place in the tree.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A tree node holding a `T`, shared through `Rc<Node<T>>` handles.
pub struct Node<T> {
    value: T,
    /// Weak, so that a child never keeps its parent alive.
    parent: RefCell<Weak<Node<T>>>,
    /// Strong: a parent keeps its children alive. `RefCell` because children change while the
    /// node is shared.
    children: RefCell<Vec<Rc<Node<T>>>>,
}

impl<T> Node<T> {
    /// A new node without parent or children.
    pub fn new(value: T) -> Rc<Node<T>> {
        Rc::new(Node {
            value,
            parent: RefCell::new(Weak::new()),
            children: RefCell::new(Vec::new()),
        })
    }

    /// The node's value.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The parent, if the node has one and it is still alive.
    pub fn parent(&self) -> Option<Rc<Node<T>>> {
        self.parent.borrow().upgrade()
    }

    /// The children, in the order they were added.
    pub fn children(&self) -> Vec<Rc<Node<T>>> {
        self.children.borrow().clone()
    }

    /// Appends `child` to this node's children, first removing it from its current parent.
    ///
    /// Returns `false` and changes nothing when `child` is this node or one of its ancestors:
    /// that would make a cycle of strong references, which would never be freed.
    pub fn add_child(self: &Rc<Self>, child: &Rc<Node<T>>) -> bool {
        child.detach();
        let mut ancestor = Some(Rc::clone(self));
        while let Some(node) = ancestor {
            if Rc::ptr_eq(&node, child) {
                return false;
            }
            ancestor = node.parent();
        }
        *child.parent.borrow_mut() = Rc::downgrade(self);
        self.children.borrow_mut().push(Rc::clone(child));
        true
    }

    /// Removes this node from its parent's children; it becomes the root of its own tree.
    pub fn detach(&self) {
        if let Some(parent) = self.parent() {
            parent
                .children
                .borrow_mut()
                .retain(|sibling| !std::ptr::eq(Rc::as_ptr(sibling), self));
        }
        *self.parent.borrow_mut() = Weak::new();
    }

    /// The number of ancestors: 0 for a root.
    pub fn depth(&self) -> usize {
        let mut depth = 0;
        let mut ancestor = self.parent();
        while let Some(node) = ancestor {
            depth += 1;
            ancestor = node.parent();
        }
        depth
    }

    /// The topmost ancestor, or the node itself when it has no parent.
    pub fn root(self: &Rc<Self>) -> Rc<Node<T>> {
        let mut node = Rc::clone(self);
        while let Some(parent) = node.parent() {
            node = parent;
        }
        node
    }
}
