//! Compares the tortoise and the hare by `val` instead of `Rc::ptr_eq`: equal values look like a cycle.

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

fn same(a: &Rc<RefCell<Node>>, b: &Rc<RefCell<Node>>) -> bool {
    a.borrow().val == b.borrow().val
}

fn meeting_point(head: &Link) -> Link {
    let mut slow = head.clone()?;
    let mut fast = head.clone()?;
    loop {
        fast = next(&next(&fast)?)?;
        slow = next(&slow)?;
        if same(&slow, &fast) {
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
    while !same(&a, &b) {
        a = next(&a)?;
        b = next(&b)?;
    }
    Some(b)
}
