//! Two children: promotes the right child's value as the "successor", though the smallest value on the right may lie deeper.

use std::cmp::Ordering;

type Link<T> = Option<Box<Node<T>>>;

struct Node<T> {
    value: T,
    left: Link<T>,
    right: Link<T>,
}

pub struct Bst<T> {
    root: Link<T>,
    len: usize,
}

impl<T: Ord> Bst<T> {
    pub fn new() -> Self {
        Bst { root: None, len: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn insert(&mut self, value: T) -> bool {
        let added = insert_into(&mut self.root, value);
        if added {
            self.len += 1;
        }
        added
    }

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

    pub fn remove(&mut self, value: &T) -> bool {
        let removed = remove_from(&mut self.root, value);
        if removed {
            self.len -= 1;
        }
        removed
    }

    pub fn min(&self) -> Option<&T> {
        let mut node = self.root.as_deref()?;
        while let Some(left) = node.left.as_deref() {
            node = left;
        }
        Some(&node.value)
    }

    pub fn max(&self) -> Option<&T> {
        let mut node = self.root.as_deref()?;
        while let Some(right) = node.right.as_deref() {
            node = right;
        }
        Some(&node.value)
    }

    pub fn iter(&self) -> Iter<'_, T> {
        let mut out = Vec::new();
        collect(&self.root, &mut out);
        Iter {
            values: out.into_iter(),
        }
    }
}

fn collect<'a, T>(link: &'a Link<T>, out: &mut Vec<&'a T>) {
    if let Some(node) = link {
        collect(&node.left, out);
        out.push(&node.value);
        collect(&node.right, out);
    }
}

pub struct Iter<'a, T> {
    values: std::vec::IntoIter<&'a T>,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.values.next()
    }
}

fn insert_into<T: Ord>(link: &mut Link<T>, value: T) -> bool {
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
            Ordering::Less => insert_into(&mut node.left, value),
            Ordering::Greater => insert_into(&mut node.right, value),
            Ordering::Equal => false,
        },
    }
}

fn remove_from<T: Ord>(link: &mut Link<T>, value: &T) -> bool {
    let Some(node) = link else {
        return false;
    };
    match value.cmp(&node.value) {
        Ordering::Less => remove_from(&mut node.left, value),
        Ordering::Greater => remove_from(&mut node.right, value),
        Ordering::Equal => {
            match (node.left.is_some(), node.right.is_some()) {
                (false, false) => *link = None,
                (true, false) => *link = node.left.take(),
                (false, true) => *link = node.right.take(),
                (true, true) => {
                    // Swap the right child's value up, then delete it from the right subtree.
                    let right = node.right.as_mut().unwrap();
                    std::mem::swap(&mut node.value, &mut right.value);
                    let right_link = &mut node.right;
                    let right = right_link.as_mut().unwrap();
                    match (right.left.is_some(), right.right.is_some()) {
                        (false, false) => *right_link = None,
                        (true, false) => *right_link = right.left.take(),
                        (false, true) => *right_link = right.right.take(),
                        (true, true) => right.value = take_min(&mut right.right).unwrap(),
                    }
                }
            }
            true
        }
    }
}

fn take_min<T>(link: &mut Link<T>) -> Option<T> {
    if link.as_ref()?.left.is_some() {
        return take_min(&mut link.as_mut()?.left);
    }
    let node = link.take()?;
    *link = node.right;
    Some(node.value)
}
