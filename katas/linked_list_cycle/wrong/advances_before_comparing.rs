//! In `cycle_start`'s second phase, moves both pointers before comparing: wrong when the cycle starts at the head.

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
    let mut a = meeting_point(head)?;
    let mut b = head.clone()?;
    loop {
        a = next(&a)?;
        b = next(&b)?;
        if Rc::ptr_eq(&a, &b) {
            return Some(b);
        }
    }
}
