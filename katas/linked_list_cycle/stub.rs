//! Cycle detection in a linked list: see the task statement (`kata hint linked_list_cycle` when stuck).

use std::cell::RefCell;
use std::rc::Rc;

/// A link to the next node, or `None` at the end of the list.
pub type Link = Option<Rc<RefCell<Node>>>;

/// One node of a singly linked list. Keep this type as it is: the suite builds lists with it.
pub struct Node {
    pub val: i32,
    pub next: Link,
}

/// Returns `true` when following `next` from `head` never reaches `None`.
///
/// Must use O(1) extra memory, return on a cyclic list, and leave the list unchanged.
pub fn has_cycle(head: &Link) -> bool {
    let _ = head;
    todo!("detect the cycle")
}

/// Returns the first node of the cycle (the same `Rc`, not a copy), or `None` without a cycle.
///
/// Must use O(1) extra memory, return on a cyclic list, and leave the list unchanged.
pub fn cycle_start(head: &Link) -> Link {
    let _ = head;
    todo!("find where the cycle begins")
}
