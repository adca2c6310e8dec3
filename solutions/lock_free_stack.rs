//! Reference solution: a Treiber stack on `crossbeam-epoch`. Every change of the head is a
//! compare-and-swap that only succeeds if nobody changed the head in between; popped nodes are
//! handed to the epoch collector, which frees them once no thread can still be reading them.
//! Reclamation policy: epoch-based (no leaks, no use-after-free, no ABA).

use crossbeam_epoch::{self as epoch, Atomic, Owned};
use std::mem::ManuallyDrop;
use std::ptr;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};

struct Node<T> {
    /// Moved out by the pop that unlinks the node, so the node itself never drops it.
    value: ManuallyDrop<T>,
    next: Atomic<Node<T>>,
}

/// A lock-free LIFO stack that many threads can push to and pop from at once.
pub struct Stack<T> {
    head: Atomic<Node<T>>,
}

// Safety: values move between threads but are never shared (each is moved out by exactly one
// pop), so `T: Send` is enough; `Node` is only reached through the atomic head.
unsafe impl<T: Send> Send for Stack<T> {}
unsafe impl<T: Send> Sync for Stack<T> {}

impl<T> Stack<T> {
    /// An empty stack.
    pub fn new() -> Self {
        Stack {
            head: Atomic::null(),
        }
    }

    /// Puts `value` on top of the stack.
    pub fn push(&self, value: T) {
        let mut node = Owned::new(Node {
            value: ManuallyDrop::new(value),
            next: Atomic::null(),
        });
        let guard = epoch::pin();
        loop {
            let head = self.head.load(Relaxed, &guard);
            node.next.store(head, Relaxed);
            // Release: a thread that pops this node sees its value and next.
            match self
                .head
                .compare_exchange(head, node, Release, Relaxed, &guard)
            {
                Ok(_) => return,
                // Someone else changed the head: retry on top of the new one.
                Err(failed) => node = failed.new,
            }
        }
    }

    /// Takes the value on top of the stack, if any.
    pub fn pop(&self) -> Option<T> {
        let guard = epoch::pin();
        loop {
            let head = self.head.load(Acquire, &guard);
            // Safety: the guard keeps any node we can still see from being freed.
            let node = unsafe { head.as_ref() }?;
            let next = node.next.load(Relaxed, &guard);
            if self
                .head
                .compare_exchange(head, next, Relaxed, Relaxed, &guard)
                .is_ok()
            {
                // Safety: our CAS unlinked the node, so we alone move its value out; other
                // threads may still read `next`, hence the deferred free.
                unsafe {
                    guard.defer_destroy(head);
                    return Some(ManuallyDrop::into_inner(ptr::read(&node.value)));
                }
            }
        }
    }

    /// Whether the stack was empty at the moment of the call.
    pub fn is_empty(&self) -> bool {
        let guard = epoch::pin();
        self.head.load(Acquire, &guard).is_null()
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Drop for Stack<T> {
    fn drop(&mut self) {
        // `&mut self`: no other thread can touch the stack, so no protection is needed.
        unsafe {
            let guard = epoch::unprotected();
            let mut current = self.head.load(Relaxed, guard);
            while let Some(node) = current.as_ref() {
                let next = node.next.load(Relaxed, guard);
                let mut owned = current.into_owned();
                ManuallyDrop::drop(&mut owned.value);
                current = next;
            }
        }
    }
}
