//! An `AtomicPtr` stack (popped nodes leaked) that relies on `AtomicPtr` being `Send + Sync` for
//! any pointee: the stack becomes `Send` and `Sync` even for `Rc` values, which then cross threads.

use std::mem::ManuallyDrop;
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

struct Node<T> {
    value: ManuallyDrop<T>,
    next: *mut Node<T>,
}

pub struct Stack<T> {
    // `AtomicPtr` is `Send + Sync`, so the stack is too.
    head: AtomicPtr<Node<T>>,
}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack {
            head: AtomicPtr::new(ptr::null_mut()),
        }
    }

    pub fn push(&self, value: T) {
        let node = Box::into_raw(Box::new(Node {
            value: ManuallyDrop::new(value),
            next: ptr::null_mut(),
        }));
        let mut head = self.head.load(Ordering::Relaxed);
        loop {
            // SAFETY: `node` is ours until the CAS below publishes it.
            unsafe { (*node).next = head };
            match self
                .head
                .compare_exchange_weak(head, node, Ordering::Release, Ordering::Relaxed)
            {
                Ok(_) => return,
                Err(current) => head = current,
            }
        }
    }

    pub fn pop(&self) -> Option<T> {
        let mut head = self.head.load(Ordering::Acquire);
        loop {
            if head.is_null() {
                return None;
            }
            // SAFETY: nodes are never freed while the stack is shared, so `head` is readable.
            let next = unsafe { (*head).next };
            match self
                .head
                .compare_exchange_weak(head, next, Ordering::Acquire, Ordering::Acquire)
            {
                // SAFETY: winning the CAS makes this pop the only one to take the value; the
                // node itself is leaked, never freed.
                Ok(_) => return Some(unsafe { ManuallyDrop::take(&mut (*head).value) }),
                Err(current) => head = current,
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.head.load(Ordering::Acquire).is_null()
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Drop for Stack<T> {
    fn drop(&mut self) {
        let mut current = *self.head.get_mut();
        while !current.is_null() {
            // SAFETY: `&mut self`: no other thread uses the stack; these nodes are still in it,
            // so their values were never taken.
            let mut node = unsafe { Box::from_raw(current) };
            current = node.next;
            unsafe { ManuallyDrop::drop(&mut node.value) };
        }
    }
}
