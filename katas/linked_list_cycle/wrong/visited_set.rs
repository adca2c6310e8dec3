//! Remembers every visited node in a `HashSet`: right answers, but O(n) extra memory instead of O(1).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

pub type Link = Option<Rc<RefCell<Node>>>;

pub struct Node {
    pub val: i32,
    pub next: Link,
}

fn first_repeat(head: &Link) -> Link {
    let mut seen: HashSet<*const RefCell<Node>> = HashSet::new();
    let mut current = head.clone();
    while let Some(node) = current {
        if !seen.insert(Rc::as_ptr(&node)) {
            return Some(node);
        }
        current = node.borrow().next.clone();
    }
    None
}

pub fn has_cycle(head: &Link) -> bool {
    first_repeat(head).is_some()
}

pub fn cycle_start(head: &Link) -> Link {
    first_repeat(head)
}
