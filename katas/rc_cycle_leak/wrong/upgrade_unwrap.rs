//! Stores a `Weak` parent but unwraps `upgrade()`, so `parent()` panics once the parent has been dropped.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub struct TreeNode<T> {
    value: T,
    parent: RefCell<Option<Weak<TreeNode<T>>>>,
    children: RefCell<Vec<Rc<TreeNode<T>>>>,
}

impl<T> TreeNode<T> {
    pub fn new(value: T) -> Rc<TreeNode<T>> {
        Rc::new(TreeNode {
            value,
            parent: RefCell::new(None),
            children: RefCell::new(Vec::new()),
        })
    }

    pub fn value(&self) -> &T {
        &self.value
    }

    pub fn add_child(self: &Rc<Self>, child: Rc<TreeNode<T>>) {
        *child.parent.borrow_mut() = Some(Rc::downgrade(self));
        self.children.borrow_mut().push(child);
    }

    pub fn parent(&self) -> Option<Rc<TreeNode<T>>> {
        self.parent
            .borrow()
            .as_ref()
            .map(|weak| weak.upgrade().expect("parent is alive"))
    }

    pub fn children(&self) -> Vec<Rc<TreeNode<T>>> {
        self.children.borrow().clone()
    }
}
