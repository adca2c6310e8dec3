//! Binary search tree: see the task statement (`kata hint binary_search_tree` when stuck).

use std::marker::PhantomData;

/// An ordered set of `T` stored as a binary search tree.
pub struct Bst<T> {
    // Choose your fields, e.g. a root `Option<Box<Node<T>>>` and a length.
    _values: PhantomData<T>,
}

impl<T: Ord> Bst<T> {
    /// Makes an empty tree.
    pub fn new() -> Self {
        todo!("make an empty tree")
    }

    /// The number of values in the tree.
    pub fn len(&self) -> usize {
        todo!("count the values")
    }

    /// `true` when the tree holds no values.
    pub fn is_empty(&self) -> bool {
        todo!("is the tree empty?")
    }

    /// Adds `value`; `false` (and no change) when an equal value is already present.
    pub fn insert(&mut self, value: T) -> bool {
        let _ = value;
        todo!("insert a value")
    }

    /// `true` when a value equal to `value` is in the tree.
    pub fn contains(&self, value: &T) -> bool {
        let _ = value;
        todo!("search for a value")
    }

    /// Removes the value equal to `value`; `false` when there is none.
    pub fn remove(&mut self, value: &T) -> bool {
        let _ = value;
        todo!("remove a value")
    }

    /// The smallest value, or `None` when the tree is empty.
    pub fn min(&self) -> Option<&T> {
        todo!("find the smallest value")
    }

    /// The largest value, or `None` when the tree is empty.
    pub fn max(&self) -> Option<&T> {
        todo!("find the largest value")
    }

    /// The values in ascending order.
    pub fn iter(&self) -> Iter<'_, T> {
        todo!("start an in-order iterator")
    }
}

/// An in-order (ascending) iterator over a [`Bst`].
pub struct Iter<'a, T> {
    // Choose your fields, e.g. a stack of the nodes still to visit.
    _tree: PhantomData<&'a T>,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        todo!("yield the next value in ascending order")
    }
}
