//! Marks visited nodes by overwriting `val` with a sentinel: O(1) memory, but it changes the list (and `i32::MIN` values look visited).

use std::cell::RefCell;
use std::rc::Rc;

pub type Link = Option<Rc<RefCell<Node>>>;

pub struct Node {
    pub val: i32,
    pub next: Link,
}

const VISITED: i32 = i32::MIN;

fn first_marked(head: &Link) -> Link {
    let mut current = head.clone();
    while let Some(node) = current {
        if node.borrow().val == VISITED {
            return Some(node);
        }
        node.borrow_mut().val = VISITED;
        current = node.borrow().next.clone();
    }
    None
}

pub fn has_cycle(head: &Link) -> bool {
    first_marked(head).is_some()
}

pub fn cycle_start(head: &Link) -> Link {
    first_marked(head)
}
