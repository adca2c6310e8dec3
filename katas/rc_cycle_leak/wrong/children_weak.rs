//! Inverts the ownership: children hold the parent strongly and the parent holds its children weakly, so children vanish and a held leaf keeps its ancestors alive.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub struct TreeNode<T> {
    value: T,
    parent: RefCell<Option<Rc<TreeNode<T>>>>,
    children: RefCell<Vec<Weak<TreeNode<T>>>>,
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
        *child.parent.borrow_mut() = Some(Rc::clone(self));
        self.children.borrow_mut().push(Rc::downgrade(&child));
    }

    pub fn parent(&self) -> Option<Rc<TreeNode<T>>> {
        self.parent.borrow().clone()
    }

    pub fn children(&self) -> Vec<Rc<TreeNode<T>>> {
        self.children
            .borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .collect()
    }
}
