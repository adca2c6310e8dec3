//! "Fixes" the leak by no longer recording the parent at all, so `parent()` is always `None`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub struct TreeNode<T> {
    value: T,
    parent: RefCell<Weak<TreeNode<T>>>,
    children: RefCell<Vec<Rc<TreeNode<T>>>>,
}

impl<T> TreeNode<T> {
    pub fn new(value: T) -> Rc<TreeNode<T>> {
        Rc::new(TreeNode {
            value,
            parent: RefCell::new(Weak::new()),
            children: RefCell::new(Vec::new()),
        })
    }

    pub fn value(&self) -> &T {
        &self.value
    }

    pub fn add_child(self: &Rc<Self>, child: Rc<TreeNode<T>>) {
        self.children.borrow_mut().push(child);
    }

    pub fn parent(&self) -> Option<Rc<TreeNode<T>>> {
        self.parent.borrow().upgrade()
    }

    pub fn children(&self) -> Vec<Rc<TreeNode<T>>> {
        self.children.borrow().clone()
    }
}
