//! Brent's algorithm: the hare runs ahead in stretches of 1, 2, 4, ... steps and the tortoise
//! jumps to the hare after each stretch, which finds the cycle's length; then two pointers that
//! length apart walk from the head and meet at the cycle's first node.

use std::cell::RefCell;
use std::rc::Rc;

pub type Link = Option<Rc<RefCell<Node>>>;

pub struct Node {
    pub val: i32,
    pub next: Link,
}

fn step(node: &Rc<RefCell<Node>>) -> Link {
    node.borrow().next.as_ref().map(Rc::clone)
}

/// The length of the cycle, or `None` when the list ends.
fn cycle_length(head: &Link) -> Option<usize> {
    let mut tortoise = Rc::clone(head.as_ref()?);
    let mut hare = step(&tortoise)?;
    let mut power = 1;
    let mut length = 1;
    while !Rc::ptr_eq(&tortoise, &hare) {
        if power == length {
            tortoise = Rc::clone(&hare);
            power *= 2;
            length = 0;
        }
        hare = step(&hare)?;
        length += 1;
    }
    Some(length)
}

pub fn has_cycle(head: &Link) -> bool {
    cycle_length(head).is_some()
}

pub fn cycle_start(head: &Link) -> Link {
    let length = cycle_length(head)?;
    let mut behind = Rc::clone(head.as_ref()?);
    let mut ahead = Rc::clone(&behind);
    for _ in 0..length {
        ahead = step(&ahead)?;
    }
    while !Rc::ptr_eq(&behind, &ahead) {
        behind = step(&behind)?;
        ahead = step(&ahead)?;
    }
    Some(behind)
}
