// A Stack<Rc<_>> must not be sendable to another thread: Rc is not thread-safe.
use lock_free_stack::Stack;
use std::rc::Rc;

fn main() {
    let stack = Stack::new();
    stack.push(Rc::new(5));
    let handle = std::thread::spawn(move || stack.pop().is_some());
    let _ = handle.join();
}
