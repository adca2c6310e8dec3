//! A singly linked list of boxed nodes with a length counter; `Drop` unlinks the nodes one by
//! one in a loop, so a long stack does not drop recursively.

struct Node<T> {
    item: T,
    below: Option<Box<Node<T>>>,
}

pub struct Stack<T> {
    top: Option<Box<Node<T>>>,
    len: usize,
}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack { top: None, len: 0 }
    }

    pub fn push(&mut self, item: T) {
        let below = self.top.take();
        self.top = Some(Box::new(Node { item, below }));
        self.len += 1;
    }

    pub fn pop(&mut self) -> Option<T> {
        let node = self.top.take()?;
        let Node { item, below } = *node;
        self.top = below;
        self.len -= 1;
        Some(item)
    }

    pub fn peek(&self) -> Option<&T> {
        self.top.as_deref().map(|node| &node.item)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.top.is_none()
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Drop for Stack<T> {
    fn drop(&mut self) {
        let mut next = self.top.take();
        while let Some(mut node) = next {
            next = node.below.take();
        }
    }
}
