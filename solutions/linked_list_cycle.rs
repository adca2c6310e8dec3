//! Reference solution: Floyd's tortoise and hare over `Rc<RefCell<Node>>` links.
//!
//! Walking with cloned `Rc`s costs no heap memory, every `RefCell` borrow ends within the
//! statement that takes it (so a node pointing to itself is borrowed twice only immutably), and
//! nodes are compared with `Rc::ptr_eq`, never by value.

use std::cell::RefCell;
use std::rc::Rc;

/// A link to the next node, or `None` at the end of the list.
pub type Link = Option<Rc<RefCell<Node>>>;

/// One node of a singly linked list. Keep this type as it is: the suite builds lists with it.
pub struct Node {
    pub val: i32,
    pub next: Link,
}

/// The node after `node`, or `None` at the end of the list.
fn next(node: &Rc<RefCell<Node>>) -> Link {
    node.borrow().next.clone()
}

/// Runs the tortoise and the hare from `head`: returns the node where they meet, which exists
/// exactly when the list has a cycle.
fn meeting_point(head: &Link) -> Link {
    let mut slow = head.clone()?;
    let mut fast = head.clone()?;
    loop {
        // The hare moves two nodes; reaching `None` means the list ends, so there is no cycle.
        fast = next(&next(&fast)?)?;
        slow = next(&slow)?;
        if Rc::ptr_eq(&slow, &fast) {
            return Some(slow);
        }
    }
}

/// Returns `true` when following `next` from `head` never reaches `None`.
///
/// Must use O(1) extra memory, return on a cyclic list, and leave the list unchanged.
pub fn has_cycle(head: &Link) -> bool {
    meeting_point(head).is_some()
}

/// Returns the first node of the cycle (the same `Rc`, not a copy), or `None` without a cycle.
///
/// Must use O(1) extra memory, return on a cyclic list, and leave the list unchanged.
pub fn cycle_start(head: &Link) -> Link {
    // If the tail before the cycle has `t` nodes and the cycle has `c`, the meeting point lies
    // `t` steps (mod `c`) before the cycle's first node. So walking one step at a time from the
    // head and from the meeting point, the two pointers meet at that first node.
    let mut from_meeting = meeting_point(head)?;
    let mut from_head = head.clone()?;
    // Compare before moving: when the cycle starts at the head, they are already equal.
    while !Rc::ptr_eq(&from_head, &from_meeting) {
        from_head = next(&from_head)?;
        from_meeting = next(&from_meeting)?;
    }
    Some(from_head)
}
