//! Lock-free Treiber stack: see the task statement (`kata hint lock_free_stack` when stuck).
//!
//! Memory policy: (say here whether popped nodes are leaked or reclaimed, and how).

use std::marker::PhantomData;

/// A lock-free LIFO stack that many threads can push to and pop from at once.
pub struct Stack<T> {
    // Replace with the atomic head of a linked list.
    _values: PhantomData<T>,
}

impl<T> Stack<T> {
    /// An empty stack.
    pub fn new() -> Self {
        Stack {
            _values: PhantomData,
        }
    }

    /// Puts `value` on top of the stack.
    pub fn push(&self, value: T) {
        let _ = value;
        todo!("compare-and-swap a new node onto the head")
    }

    /// Takes the value on top of the stack, if any.
    pub fn pop(&self) -> Option<T> {
        todo!("compare-and-swap the head to its successor")
    }

    /// Whether the stack was empty at the moment of the call.
    pub fn is_empty(&self) -> bool {
        todo!()
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}
