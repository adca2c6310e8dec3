//! Recursive insert, lookup and removal; a node with two children is replaced by its in-order
//! predecessor (the largest value on its left). `iter` collects the values in order into a
//! `Vec` of references and returns its iterator.

use std::cmp::Ordering;

struct Node<T> {
    value: T,
    left: Option<Box<Node<T>>>,
    right: Option<Box<Node<T>>>,
}

pub struct Bst<T> {
    root: Option<Box<Node<T>>>,
    len: usize,
}

fn insert_at<T: Ord>(link: &mut Option<Box<Node<T>>>, value: T) -> bool {
    match link {
        None => {
            *link = Some(Box::new(Node {
                value,
                left: None,
                right: None,
            }));
            true
        }
        Some(node) => match value.cmp(&node.value) {
            Ordering::Less => insert_at(&mut node.left, value),
            Ordering::Greater => insert_at(&mut node.right, value),
            Ordering::Equal => false,
        },
    }
}

/// Removes the largest node of a non-empty subtree and returns its value.
fn pop_max<T>(link: &mut Option<Box<Node<T>>>) -> T {
    if link.as_ref().unwrap().right.is_some() {
        return pop_max(&mut link.as_mut().unwrap().right);
    }
    let node = link.take().unwrap();
    let Node { value, left, .. } = *node;
    *link = left;
    value
}

fn remove_at<T: Ord>(link: &mut Option<Box<Node<T>>>, value: &T) -> bool {
    let Some(node) = link else {
        return false;
    };
    match value.cmp(&node.value) {
        Ordering::Less => remove_at(&mut node.left, value),
        Ordering::Greater => remove_at(&mut node.right, value),
        Ordering::Equal => {
            if node.left.is_some() && node.right.is_some() {
                node.value = pop_max(&mut node.left);
            } else {
                let node = link.take().unwrap();
                *link = node.left.or(node.right);
            }
            true
        }
    }
}

fn in_order<'a, T>(link: &'a Option<Box<Node<T>>>, out: &mut Vec<&'a T>) {
    if let Some(node) = link {
        in_order(&node.left, out);
        out.push(&node.value);
        in_order(&node.right, out);
    }
}

impl<T: Ord> Bst<T> {
    pub fn new() -> Self {
        Bst { root: None, len: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }

    pub fn insert(&mut self, value: T) -> bool {
        let added = insert_at(&mut self.root, value);
        if added {
            self.len += 1;
        }
        added
    }

    pub fn contains(&self, value: &T) -> bool {
        fn find<T: Ord>(link: &Option<Box<Node<T>>>, value: &T) -> bool {
            match link {
                None => false,
                Some(node) => match value.cmp(&node.value) {
                    Ordering::Less => find(&node.left, value),
                    Ordering::Greater => find(&node.right, value),
                    Ordering::Equal => true,
                },
            }
        }
        find(&self.root, value)
    }

    pub fn remove(&mut self, value: &T) -> bool {
        let removed = remove_at(&mut self.root, value);
        if removed {
            self.len -= 1;
        }
        removed
    }

    pub fn min(&self) -> Option<&T> {
        self.iter().next()
    }

    pub fn max(&self) -> Option<&T> {
        let mut node = self.root.as_ref()?;
        while let Some(right) = &node.right {
            node = right;
        }
        Some(&node.value)
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        let mut out = Vec::with_capacity(self.len);
        in_order(&self.root, &mut out);
        out.into_iter()
    }
}

impl<T: Ord> Default for Bst<T> {
    fn default() -> Self {
        Self::new()
    }
}
