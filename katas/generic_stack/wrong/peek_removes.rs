//! `peek` hides the top item (it shrinks the visible length), as if peeking were popping.

use std::cell::Cell;

pub struct Stack<T> {
    items: Vec<T>,
    visible: Cell<usize>,
}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack {
            items: Vec::new(),
            visible: Cell::new(0),
        }
    }

    pub fn push(&mut self, item: T) {
        self.items.truncate(self.visible.get());
        self.items.push(item);
        self.visible.set(self.items.len());
    }

    pub fn pop(&mut self) -> Option<T> {
        self.items.truncate(self.visible.get());
        let item = self.items.pop();
        self.visible.set(self.items.len());
        item
    }

    pub fn peek(&self) -> Option<&T> {
        let n = self.visible.get();
        if n == 0 {
            return None;
        }
        self.visible.set(n - 1);
        self.items.get(n - 1)
    }

    pub fn len(&self) -> usize {
        self.visible.get()
    }

    pub fn is_empty(&self) -> bool {
        self.visible.get() == 0
    }
}
