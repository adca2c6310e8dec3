//! Holds a `borrow_mut` on a node while borrowing its successor: panics (already borrowed) on a self-loop.

use std::cell::RefCell;
use std::rc::Rc;

pub type Link = Option<Rc<RefCell<Node>>>;

pub struct Node {
    pub val: i32,
    pub next: Link,
}

/// The node two steps after `node`.
fn two_after(node: &Rc<RefCell<Node>>) -> Link {
    let current = node.borrow_mut();
    let next = current.next.as_ref()?;
    let after = next.borrow().next.clone();
    after
}

fn meeting_point(head: &Link) -> Link {
    let mut slow = head.clone()?;
    let mut fast = head.clone()?;
    loop {
        fast = two_after(&fast)?;
        let step = slow.borrow().next.clone();
        slow = step?;
        if Rc::ptr_eq(&slow, &fast) {
            return Some(slow);
        }
    }
}

pub fn has_cycle(head: &Link) -> bool {
    meeting_point(head).is_some()
}

pub fn cycle_start(head: &Link) -> Link {
    let mut a = meeting_point(head)?;
    let mut b = head.clone()?;
    while !Rc::ptr_eq(&a, &b) {
        let na = a.borrow().next.clone();
        a = na?;
        let nb = b.borrow().next.clone();
        b = nb?;
    }
    Some(b)
}
