//! Keeps the strong parent link and adds a `Drop` impl that clears the children's parent links, which never runs: the cycle keeps every count above zero.

use std::cell::RefCell;
use std::rc::Rc;

pub struct TreeNode<T> {
    value: T,
    parent: RefCell<Option<Rc<TreeNode<T>>>>,
    children: RefCell<Vec<Rc<TreeNode<T>>>>,
}

impl<T> Drop for TreeNode<T> {
    fn drop(&mut self) {
        for child in self.children.borrow().iter() {
            child.parent.borrow_mut().take();
        }
    }
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
        self.children.borrow_mut().push(child);
    }

    pub fn parent(&self) -> Option<Rc<TreeNode<T>>> {
        self.parent.borrow().clone()
    }

    pub fn children(&self) -> Vec<Rc<TreeNode<T>>> {
        self.children.borrow().clone()
    }
}
