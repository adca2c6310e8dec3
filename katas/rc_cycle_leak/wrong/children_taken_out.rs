//! `children()` hands out the list with `take()` instead of cloning the handles: the parent
//! loses its children (and they are dropped) the first time someone asks for them.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A node of a tree. Nodes are always handled through `Rc<TreeNode<T>>`.
pub struct TreeNode<T> {
    value: T,
    /// Non-owning: a child must not keep its parent alive. `Weak::new()` means "no parent".
    parent: RefCell<Weak<TreeNode<T>>>,
    /// Owning: the tree keeps its nodes alive from the top down.
    children: RefCell<Vec<Rc<TreeNode<T>>>>,
}

impl<T> TreeNode<T> {
    /// Creates a node with no parent and no children.
    pub fn new(value: T) -> Rc<TreeNode<T>> {
        Rc::new(TreeNode {
            value,
            parent: RefCell::new(Weak::new()),
            children: RefCell::new(Vec::new()),
        })
    }

    /// The value stored in this node.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// Appends `child` to this node's children and makes this node `child`'s parent.
    pub fn add_child(self: &Rc<Self>, child: Rc<TreeNode<T>>) {
        *child.parent.borrow_mut() = Rc::downgrade(self);
        self.children.borrow_mut().push(child);
    }

    /// This node's parent, or `None` for a node that has no parent or whose parent has been
    /// dropped.
    pub fn parent(&self) -> Option<Rc<TreeNode<T>>> {
        // `upgrade` fails once the parent is gone; that is an ordinary outcome, not a bug.
        self.parent.borrow().upgrade()
    }

    /// This node's children, in the order they were added.
    pub fn children(&self) -> Vec<Rc<TreeNode<T>>> {
        self.children.take()
    }
}
