//! Starts the hare one node ahead of the tortoise (the usual `has_cycle` variant) but keeps the
//! second phase of `cycle_start`, which assumes both started at the head: the two pointers are
//! then one step out of phase and circle the cycle forever.

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
    let mut fast = next(&slow)?;
    // The hare starts one node ahead, so the loop can test before moving.
    while !Rc::ptr_eq(&slow, &fast) {
        fast = next(&next(&fast)?)?;
        slow = next(&slow)?;
    }
    Some(slow)
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
