//! Reference solution: the end of a `Vec<T>` is the top of the stack.

/// A last-in, first-out stack of `T`.
///
/// Items are moved in by [`push`](Stack::push) and moved out by [`pop`](Stack::pop); the stack
/// never clones them, so `T` needs no trait bounds.
pub struct Stack<T> {
    items: Vec<T>,
}

impl<T> Stack<T> {
    /// Makes an empty stack. It allocates nothing until the first push.
    pub fn new() -> Self {
        Stack { items: Vec::new() }
    }

    /// Puts `item` on top of the stack (amortised O(1): the `Vec` doubles its capacity when full).
    pub fn push(&mut self, item: T) {
        self.items.push(item);
    }

    /// Removes the top item and gives it to the caller; `None` when the stack is empty.
    pub fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }

    /// Lends the top item without removing it; `None` when the stack is empty.
    pub fn peek(&self) -> Option<&T> {
        self.items.last()
    }

    /// The number of items on the stack.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// `true` when the stack holds no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}
