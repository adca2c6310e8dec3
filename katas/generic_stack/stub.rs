//! Generic stack: see the task statement (`kata hint generic_stack` when stuck).

/// A last-in, first-out stack of `T`.
pub struct Stack<T> {
    // Choose your storage; this placeholder only keeps `T` in use.
    _items: Vec<T>,
}

impl<T> Stack<T> {
    /// Makes an empty stack.
    pub fn new() -> Self {
        todo!("make an empty stack")
    }

    /// Puts `item` on top of the stack.
    pub fn push(&mut self, item: T) {
        let _ = item;
        todo!("push onto the top")
    }

    /// Removes the top item and gives it to the caller; `None` when the stack is empty.
    pub fn pop(&mut self) -> Option<T> {
        todo!("pop the top item")
    }

    /// Lends the top item without removing it; `None` when the stack is empty.
    pub fn peek(&self) -> Option<&T> {
        todo!("look at the top item")
    }

    /// The number of items on the stack.
    pub fn len(&self) -> usize {
        todo!("count the items")
    }

    /// `true` when the stack holds no items.
    pub fn is_empty(&self) -> bool {
        todo!("is the stack empty?")
    }
}
