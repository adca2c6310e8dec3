//! A linked-list stack without a length counter: `len` walks the whole list, O(n) instead of
//! O(1), so calling it while filling a big stack takes quadratic time.

struct Node<T> {
    item: T,
    below: Option<Box<Node<T>>>,
}

pub struct Stack<T> {
    top: Option<Box<Node<T>>>,
}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack { top: None }
    }

    pub fn push(&mut self, item: T) {
        let below = self.top.take();
        self.top = Some(Box::new(Node { item, below }));
    }

    pub fn pop(&mut self) -> Option<T> {
        let node = self.top.take()?;
        let Node { item, below } = *node;
        self.top = below;
        Some(item)
    }

    pub fn peek(&self) -> Option<&T> {
        self.top.as_deref().map(|node| &node.item)
    }

    pub fn len(&self) -> usize {
        let mut count = 0;
        let mut node = self.top.as_deref();
        while let Some(n) = node {
            count += 1;
            node = n.below.as_deref();
        }
        count
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
