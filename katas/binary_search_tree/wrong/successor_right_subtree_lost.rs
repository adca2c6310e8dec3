//! Two children: unlinks the in-order successor from its parent but drops the successor's own
//! right subtree with it.

use std::cmp::Ordering;

type Link<T> = Option<Box<Node<T>>>;

struct Node<T> {
    value: T,
    left: Link<T>,
    right: Link<T>,
}

/// An ordered set of `T` stored as an (unbalanced) binary search tree.
///
/// Every value in a node's left subtree is smaller than the node's value and every value in its
/// right subtree is larger. Equal values are not stored twice.
pub struct Bst<T> {
    root: Link<T>,
    len: usize,
}

impl<T: Ord> Bst<T> {
    /// Makes an empty tree.
    pub fn new() -> Self {
        Bst { root: None, len: 0 }
    }

    /// The number of values in the tree.
    pub fn len(&self) -> usize {
        self.len
    }

    /// `true` when the tree holds no values.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds `value`. Returns `false`, leaving the tree (and the stored value) unchanged, when an
    /// equal value is already present.
    pub fn insert(&mut self, value: T) -> bool {
        let mut link = &mut self.root;
        while let Some(node) = link {
            link = match value.cmp(&node.value) {
                Ordering::Less => &mut node.left,
                Ordering::Greater => &mut node.right,
                Ordering::Equal => return false,
            };
        }
        *link = Some(Box::new(Node {
            value,
            left: None,
            right: None,
        }));
        self.len += 1;
        true
    }

    /// `true` when a value equal to `value` is in the tree.
    pub fn contains(&self, value: &T) -> bool {
        let mut link = &self.root;
        while let Some(node) = link {
            link = match value.cmp(&node.value) {
                Ordering::Less => &node.left,
                Ordering::Greater => &node.right,
                Ordering::Equal => return true,
            };
        }
        false
    }

    /// Removes the value equal to `value`. Returns `false` when there is none.
    pub fn remove(&mut self, value: &T) -> bool {
        // Walk down to the link that holds the value.
        // (Compare through a shared borrow and stop before taking `&mut node`: a mutable borrow
        // of the node would otherwise still hold `*link` after the loop.)
        let mut link = &mut self.root;
        loop {
            let order = match link.as_deref() {
                None => return false,
                Some(node) => value.cmp(&node.value),
            };
            if order == Ordering::Equal {
                break;
            }
            let node = link.as_mut().expect("checked above");
            link = if order == Ordering::Less {
                &mut node.left
            } else {
                &mut node.right
            };
        }
        let mut node = link.take().expect("the loop stopped on an occupied link");
        *link = match (node.left.take(), node.right.take()) {
            (None, None) => None,
            (Some(child), None) | (None, Some(child)) => Some(child),
            (Some(left), Some(right)) => {
                // Two children: the in-order successor (the smallest value on the right) takes the
                // removed node's place; it is larger than everything on the left and smaller than
                // everything else on the right.
                let (mut successor, rest) = take_min(right);
                successor.left = Some(left);
                successor.right = rest;
                Some(successor)
            }
        };
        self.len -= 1;
        true
    }

    /// The smallest value, or `None` when the tree is empty.
    pub fn min(&self) -> Option<&T> {
        let mut node = self.root.as_deref()?;
        while let Some(left) = node.left.as_deref() {
            node = left;
        }
        Some(&node.value)
    }

    /// The largest value, or `None` when the tree is empty.
    pub fn max(&self) -> Option<&T> {
        let mut node = self.root.as_deref()?;
        while let Some(right) = node.right.as_deref() {
            node = right;
        }
        Some(&node.value)
    }

    /// The values in ascending order.
    pub fn iter(&self) -> Iter<'_, T> {
        let mut iter = Iter { stack: Vec::new() };
        iter.push_left_spine(self.root.as_deref());
        iter
    }
}

/// Detaches the smallest node of the subtree `root`. Returns that node (its `right` already
/// taken) and what remains of the subtree.
fn take_min<T>(mut root: Box<Node<T>>) -> (Box<Node<T>>, Link<T>) {
    if root.left.is_none() {
        root.right = None;
        return (root, None);
    }
    // Find the parent of the leftmost node, then splice the leftmost node's right subtree into
    // its place.
    let mut parent = &mut root;
    while parent.left.as_ref().is_some_and(|l| l.left.is_some()) {
        parent = parent.left.as_mut().expect("checked by the loop condition");
    }
    let mut min = parent.left.take().expect("the root had a left child");
    parent.left = None;
    (min, Some(root))
}

impl<T: Ord> Default for Bst<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a, T: Ord> IntoIterator for &'a Bst<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T> Drop for Bst<T> {
    /// Frees the nodes with an explicit stack: the default, recursive drop of nested boxes would
    /// recurse once per level of a lopsided tree.
    fn drop(&mut self) {
        let mut pending: Vec<Box<Node<T>>> = self.root.take().into_iter().collect();
        while let Some(mut node) = pending.pop() {
            pending.extend(node.left.take());
            pending.extend(node.right.take());
        }
    }
}

/// An in-order (ascending) iterator over a [`Bst`].
///
/// It holds the path of nodes whose value has not been yielded yet, so it needs O(height) memory.
pub struct Iter<'a, T> {
    stack: Vec<&'a Node<T>>,
}

impl<'a, T> Iter<'a, T> {
    fn push_left_spine(&mut self, mut node: Option<&'a Node<T>>) {
        while let Some(n) = node {
            self.stack.push(n);
            node = n.left.as_deref();
        }
    }
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        let node = self.stack.pop()?;
        self.push_left_spine(node.right.as_deref());
        Some(&node.value)
    }
}
