//! A tree with `Rc`, `RefCell` and `Weak`: see the task statement (`kata hint shared_ownership`
//! when stuck).

use std::rc::Rc;

/// A tree node holding a `T`, shared through `Rc<Node<T>>` handles.
pub struct Node<T> {
    value: T,
    // Add the parent link and the children here.
}

impl<T> Node<T> {
    /// A new node without parent or children.
    pub fn new(value: T) -> Rc<Node<T>> {
        Rc::new(Node { value })
    }

    /// The node's value.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The parent, if the node has one and it is still alive.
    pub fn parent(&self) -> Option<Rc<Node<T>>> {
        todo!("return the parent, if it is still alive")
    }

    /// The children, in the order they were added.
    pub fn children(&self) -> Vec<Rc<Node<T>>> {
        todo!("return the children")
    }

    /// Appends `child` to this node's children, first removing it from its current parent.
    /// Returns `false` and changes nothing when `child` is this node or one of its ancestors.
    pub fn add_child(self: &Rc<Self>, child: &Rc<Node<T>>) -> bool {
        let _ = child;
        todo!("link parent and child without making a cycle of strong references")
    }

    /// Removes this node from its parent's children; it becomes the root of its own tree.
    pub fn detach(&self) {
        todo!("unlink the node from its parent")
    }

    /// The number of ancestors: 0 for a root.
    pub fn depth(&self) -> usize {
        todo!("count the ancestors")
    }

    /// The topmost ancestor, or the node itself when it has no parent.
    pub fn root(self: &Rc<Self>) -> Rc<Node<T>> {
        todo!("walk up to the root")
    }
}
