use std::cell::Cell;
use std::process::{Command, Stdio};
use std::rc::Rc;

use generic_stack::Stack;
use kata_assert::{expect, expect_eq};

/// An item with no derives at all: not `Clone`, `Copy`, `Debug` or `PartialEq`.
struct Plain {
    name: String,
}

/// Counts its own drops in a shared counter.
struct Counted {
    id: u32,
    drops: Rc<Cell<u32>>,
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

#[test]
fn new_stack_is_empty() {
    let mut s: Stack<i32> = Stack::new();
    expect_eq!(s.len(), 0, "a new stack has length 0");
    expect!(s.is_empty(), "a new stack is empty");
    expect_eq!(s.peek(), None, "peek on a new stack gives None");
    expect_eq!(s.pop(), None, "pop on a new stack gives None");
}

#[test]
fn pop_returns_the_last_pushed_item_first() {
    let mut s = Stack::new();
    s.push(1);
    s.push(2);
    s.push(3);
    expect_eq!(s.pop(), Some(3), "3 was pushed last, so it is popped first");
    expect_eq!(s.pop(), Some(2), "then 2");
    expect_eq!(s.pop(), Some(1), "then 1, the first item pushed");
    expect_eq!(s.pop(), None, "after popping every item, pop gives None");
}

#[test]
fn peek_shows_the_last_pushed_item() {
    let mut s = Stack::new();
    s.push(10);
    expect_eq!(s.peek(), Some(&10), "with one item, peek shows it");
    s.push(20);
    expect_eq!(
        s.peek(),
        Some(&20),
        "peek shows the item pushed last (20), not the first (10)"
    );
}

#[test]
fn peek_does_not_remove_the_item() {
    let mut s = Stack::new();
    s.push(1);
    s.push(2);
    expect_eq!(s.peek(), Some(&2), "first peek shows the top item, 2");
    expect_eq!(
        s.peek(),
        Some(&2),
        "peeking again shows the same top item, 2"
    );
    expect_eq!(
        s.peek(),
        Some(&2),
        "and again: peek never changes the stack"
    );
    expect_eq!(s.len(), 2, "peek must not change the length");
    expect_eq!(
        s.pop(),
        Some(2),
        "pop after peek returns the item peek showed"
    );
    expect_eq!(s.pop(), Some(1), "the item below is still there");
}

#[test]
fn peek_after_pop_shows_the_item_below() {
    let mut s = Stack::new();
    s.push('a');
    s.push('b');
    s.push('c');
    s.pop();
    expect_eq!(s.peek(), Some(&'b'), "after popping 'c', the top is 'b'");
    s.pop();
    s.pop();
    expect_eq!(s.peek(), None, "after popping every item, peek gives None");
}

#[test]
fn pop_on_empty_returns_none_and_the_stack_stays_usable() {
    let mut s = Stack::new();
    expect_eq!(s.pop(), None, "pop on an empty stack gives None");
    expect_eq!(
        s.pop(),
        None,
        "popping an empty stack again still gives None"
    );
    expect_eq!(s.len(), 0, "popping an empty stack leaves its length at 0");
    expect!(s.is_empty(), "popping an empty stack leaves it empty");
    s.push(7);
    expect_eq!(s.len(), 1, "after failed pops, one push gives length 1");
    expect_eq!(
        s.peek(),
        Some(&7),
        "after failed pops, the pushed item is on top"
    );
    expect_eq!(s.pop(), Some(7), "after failed pops, the pushed item pops");
    expect_eq!(s.pop(), None, "and the stack is empty again");
}

#[test]
fn len_and_is_empty_follow_pushes_and_pops() {
    let mut s = Stack::new();
    for i in 0..5 {
        s.push(i);
        expect_eq!(
            s.len(),
            i as usize + 1,
            "after {} pushes the length is {}",
            i + 1,
            i + 1
        );
        expect!(
            !s.is_empty(),
            "a stack holding {} items is not empty",
            i + 1
        );
    }
    for left in (0..5).rev() {
        s.pop();
        expect_eq!(
            s.len(),
            left,
            "after a pop the length drops by one, to {}",
            left
        );
        expect_eq!(
            s.is_empty(),
            left == 0,
            "is_empty is true exactly when the length is 0"
        );
    }
}

#[test]
fn interleaved_pushes_and_pops_follow_last_in_first_out() {
    let mut s = Stack::new();
    s.push(1);
    s.push(2);
    expect_eq!(s.pop(), Some(2), "push 1, push 2, pop gives 2");
    s.push(3);
    s.push(4);
    expect_eq!(s.pop(), Some(4), "then push 3, push 4, pop gives 4");
    expect_eq!(s.pop(), Some(3), "then pop gives 3");
    s.push(5);
    expect_eq!(s.peek(), Some(&5), "then push 5: the top is 5");
    expect_eq!(s.pop(), Some(5), "pop gives 5");
    expect_eq!(s.pop(), Some(1), "and the first item, 1, comes out last");
    expect_eq!(s.pop(), None, "then the stack is empty");
}

#[test]
fn works_for_items_without_any_traits() {
    let mut s = Stack::new();
    s.push(Plain {
        name: String::from("first"),
    });
    s.push(Plain {
        name: String::from("second"),
    });
    expect_eq!(
        s.peek().map(|p| p.name.as_str()),
        Some("second"),
        "peek lends the top item even when T has no traits"
    );
    let top = s.pop();
    expect_eq!(
        top.map(|p| p.name),
        Some(String::from("second")),
        "pop moves the top item out even when T has no traits"
    );
    expect_eq!(s.len(), 1, "one item is left");
}

#[test]
fn works_for_owned_heap_values() {
    let mut s: Stack<Vec<String>> = Stack::new();
    s.push(vec![String::from("a")]);
    s.push(vec![String::from("b"), String::from("c")]);
    expect_eq!(
        s.pop(),
        Some(vec![String::from("b"), String::from("c")]),
        "pop gives back the owned value pushed last"
    );
    expect_eq!(
        s.pop(),
        Some(vec![String::from("a")]),
        "then the one pushed first"
    );
}

#[test]
fn works_for_zero_sized_items() {
    let mut s = Stack::new();
    s.push(());
    s.push(());
    s.push(());
    expect_eq!(s.len(), 3, "three pushes of () give length 3");
    expect_eq!(s.peek(), Some(&()), "peek on a stack of () gives Some(&())");
    expect_eq!(s.pop(), Some(()), "pop gives Some(())");
    expect_eq!(s.len(), 2, "one pop leaves 2");
}

#[test]
fn pop_moves_the_item_out_without_dropping_it() {
    let drops = Rc::new(Cell::new(0));
    let mut s = Stack::new();
    s.push(Counted {
        id: 1,
        drops: Rc::clone(&drops),
    });
    s.push(Counted {
        id: 2,
        drops: Rc::clone(&drops),
    });
    let top = s.pop();
    expect_eq!(
        top.as_ref().map(|c| c.id),
        Some(2),
        "pop gives back the item pushed last"
    );
    expect_eq!(
        drops.get(),
        0,
        "a popped item belongs to the caller: nothing has been dropped yet"
    );
    drop(top);
    expect_eq!(
        drops.get(),
        1,
        "the popped item is dropped when the caller drops it"
    );
}

#[test]
fn dropping_the_stack_drops_each_remaining_item_once() {
    let drops = Rc::new(Cell::new(0));
    let mut s = Stack::new();
    for id in 0..10 {
        s.push(Counted {
            id,
            drops: Rc::clone(&drops),
        });
    }
    let _ = s.peek();
    let _ = s.peek();
    expect_eq!(drops.get(), 0, "pushing and peeking never drops an item");
    drop(s.pop());
    drop(s.pop());
    expect_eq!(
        drops.get(),
        2,
        "the two popped items were dropped by the caller"
    );
    drop(s);
    expect_eq!(
        drops.get(),
        10,
        "dropping the stack drops the 8 items left on it, once each"
    );
}

#[test]
fn a_million_items_push_and_pop_in_order() {
    let n: u32 = 1_000_000;
    let mut s = Stack::new();
    for i in 0..n {
        s.push(i);
        // `len` is O(1): asking for it after every push costs nothing.
        if s.len() != i as usize + 1 {
            expect_eq!(s.len(), i as usize + 1, "each push adds one to the length");
        }
    }
    expect_eq!(
        s.len(),
        n as usize,
        "a million pushes give length 1,000,000"
    );
    expect_eq!(s.peek(), Some(&(n - 1)), "the top is the last item pushed");
    let mut expected = n;
    while let Some(x) = s.pop() {
        expected -= 1;
        if x != expected {
            expect_eq!(x, expected, "items pop in reverse order of pushing");
        }
    }
    expect_eq!(
        expected,
        0,
        "every one of the million items pops exactly once"
    );
    expect!(s.is_empty(), "after popping every item the stack is empty");
}

/// Builds a stack of a million items and drops it, on a thread with a small, fixed call stack
/// (so the result does not depend on the test harness's settings).
fn build_and_drop_a_million_items() {
    let worker = std::thread::Builder::new().stack_size(1 << 20).spawn(|| {
        let mut s = Stack::new();
        for i in 0..1_000_000u64 {
            s.push(i);
        }
        let len = s.len();
        drop(s);
        len
    });
    let len = worker.expect("spawn a thread").join();
    expect!(
        len.is_ok(),
        "building and dropping a stack of a million items must not fail"
    );
    expect_eq!(
        len.unwrap_or(0),
        1_000_000,
        "the stack held a million items before it was dropped"
    );
}

#[test]
fn dropping_a_stack_of_a_million_items_does_not_overflow() {
    // A call-stack overflow aborts the whole process, so the drop runs in a child process (this
    // test binary again, running only this test) and only the child dies if it overflows.
    const CHILD: &str = "GENERIC_STACK_DEEP_DROP_CHILD";
    if std::env::var_os(CHILD).is_some() {
        build_and_drop_a_million_items();
        return;
    }
    let child = std::env::current_exe().and_then(|exe| {
        Command::new(exe)
            .args([
                "--exact",
                "dropping_a_stack_of_a_million_items_does_not_overflow",
                "--test-threads",
                "1",
            ])
            .env(CHILD, "1")
            .stdin(Stdio::null())
            .output()
    });
    match child {
        Ok(out) if out.status.success() => {
            if !String::from_utf8_lossy(&out.stdout).contains("1 passed") {
                // The child did not run the test after all: run the check in this process.
                build_and_drop_a_million_items();
            }
        }
        // The child's test failed normally (a panic, not a crash): run it here to show why.
        Ok(out) if out.status.code() == Some(101) => build_and_drop_a_million_items(),
        Ok(out) => expect!(
            false,
            "building and dropping a stack of a million items must work, but the process \
             crashed ({}): does dropping recurse once per item and overflow the call stack?",
            out.status
        ),
        // No child process possible here: run the check in this process instead.
        Err(_) => build_and_drop_a_million_items(),
    }
}
