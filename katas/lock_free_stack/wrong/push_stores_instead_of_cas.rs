//! push reads the head and then stores the new node with a plain store: two threads pushing at once overwrite each other and a push is lost.
//!
//! Memory policy: popped nodes are leaked.

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
    _values: PhantomData<T>,
}

unsafe impl<T: Send> Send for Stack<T> {}
unsafe impl<T: Send> Sync for Stack<T> {}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack {
            head: AtomicPtr::new(ptr::null_mut()),
            _values: PhantomData,
        }
    }

    pub fn push(&self, value: T) {
        let node = Box::into_raw(Box::new(Node {
            value: ManuallyDrop::new(value),
            next: ptr::null_mut(),
        }));
        let head = self.head.load(Ordering::Acquire);
        unsafe { (*node).next = head };
        self.head.store(node, Ordering::Release);
    }

    pub fn pop(&self) -> Option<T> {
        let mut head = self.head.load(Ordering::Acquire);
        loop {
            if head.is_null() {
                return None;
            }
            let next = unsafe { (*head).next };
            match self
                .head
                .compare_exchange_weak(head, next, Ordering::Acquire, Ordering::Acquire)
            {
                Ok(_) => {
                    return Some(unsafe { ManuallyDrop::into_inner(ptr::read(&(*head).value)) })
                }
                Err(current) => head = current,
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.head.load(Ordering::Acquire).is_null()
    }
}

impl<T> Drop for Stack<T> {
    fn drop(&mut self) {
        let mut current = *self.head.get_mut();
        while !current.is_null() {
            let mut node = unsafe { Box::from_raw(current) };
            unsafe { ManuallyDrop::drop(&mut node.value) };
            current = node.next;
        }
    }
}
