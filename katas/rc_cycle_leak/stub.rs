//! Fix the leak: a tree whose nodes are never freed. See the task statement
//! (`kata hint rc_cycle_leak` when stuck).

use std::cell::RefCell;
use std::rc::Rc;

/// A node of a tree. Nodes are always handled through `Rc<TreeNode<T>>`.
pub struct TreeNode<T> {
    value: T,
    parent: RefCell<Option<Rc<TreeNode<T>>>>,
    children: RefCell<Vec<Rc<TreeNode<T>>>>,
}

impl<T> TreeNode<T> {
    /// Creates a node with no parent and no children.
    pub fn new(value: T) -> Rc<TreeNode<T>> {
        Rc::new(TreeNode {
            value,
            parent: RefCell::new(None),
            children: RefCell::new(Vec::new()),
        })
    }

    /// The value stored in this node.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// Appends `child` to this node's children and makes this node `child`'s parent.
    pub fn add_child(self: &Rc<Self>, child: Rc<TreeNode<T>>) {
        *child.parent.borrow_mut() = Some(Rc::clone(self));
        self.children.borrow_mut().push(child);
    }

    /// This node's parent, or `None` for a node that has no parent.
    pub fn parent(&self) -> Option<Rc<TreeNode<T>>> {
        self.parent.borrow().clone()
    }

    /// This node's children, in the order they were added.
    pub fn children(&self) -> Vec<Rc<TreeNode<T>>> {
        self.children.borrow().clone()
    }
}
