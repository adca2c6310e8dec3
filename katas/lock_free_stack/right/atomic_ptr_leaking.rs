//! A Treiber stack on `std::sync::atomic::AtomicPtr` that never frees a popped node.
//!
//! Memory: popped nodes are leaked on purpose. Another thread may still be reading a node it
//! loaded as the head (its `next`), so freeing it at once would be a use-after-free, and reusing
//! its address could fool a compare-and-swap (ABA). A leaked node is never freed, so neither can
//! happen. The value inside is moved out exactly once by the pop that won the CAS; nodes still in
//! the stack when it is dropped are freed together with their values.

use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

struct Node<T> {
    value: ManuallyDrop<T>,
    next: *mut Node<T>,
}

pub struct Stack<T> {
    head: AtomicPtr<Node<T>>,
    /// `AtomicPtr` is `Send + Sync` for any pointee; this marker makes the stack own `T`s, so
    /// the `Send`/`Sync` impls below can require `T: Send`.
    _owns: PhantomData<T>,
}

// SAFETY: values only move between threads through the stack (each exactly once), which is
// sound exactly when `T: Send`; the stack's own state is atomic.
unsafe impl<T: Send> Send for Stack<T> {}
unsafe impl<T: Send> Sync for Stack<T> {}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack {
            head: AtomicPtr::new(ptr::null_mut()),
            _owns: PhantomData,
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
