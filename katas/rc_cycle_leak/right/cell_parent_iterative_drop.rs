//! The parent link in a `Cell<Weak<_>>` (taken out and put back to read it), and a `Drop` that
//! frees a subtree with an explicit stack, so even a very deep chain needs no deep recursion.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

pub struct TreeNode<T> {
    value: T,
    parent: Cell<Weak<TreeNode<T>>>,
    children: RefCell<Vec<Rc<TreeNode<T>>>>,
}

impl<T> TreeNode<T> {
    pub fn new(value: T) -> Rc<TreeNode<T>> {
        Rc::new(TreeNode {
            value,
            parent: Cell::new(Weak::new()),
            children: RefCell::new(Vec::new()),
        })
    }

    pub fn value(&self) -> &T {
        &self.value
    }

    pub fn add_child(self: &Rc<Self>, child: Rc<TreeNode<T>>) {
        child.parent.set(Rc::downgrade(self));
        self.children.borrow_mut().push(child);
    }

    pub fn parent(&self) -> Option<Rc<TreeNode<T>>> {
        let link = self.parent.take();
        let parent = link.upgrade();
        self.parent.set(link);
        parent
    }

    pub fn children(&self) -> Vec<Rc<TreeNode<T>>> {
        self.children.borrow().iter().map(Rc::clone).collect()
    }
}

impl<T> Drop for TreeNode<T> {
    fn drop(&mut self) {
        let mut pending = std::mem::take(self.children.get_mut());
        while let Some(node) = pending.pop() {
            // Only a child owned by nobody else is freed here; its own children join the stack
            // first, so its drop finds an empty list.
            if let Ok(mut orphan) = Rc::try_unwrap(node) {
                pending.append(orphan.children.get_mut());
            }
        }
    }
}
