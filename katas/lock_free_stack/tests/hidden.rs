use kata_assert::{expect, expect_eq};
use lock_free_stack::Stack;
use std::panic::resume_unwind;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

/// A value that counts how many times it is dropped.
struct Counted {
    id: usize,
    drops: Arc<AtomicUsize>,
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

fn drain(stack: &Stack<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    while let Some(v) = stack.pop() {
        out.push(v);
    }
    out
}

/// Checks that `seen` holds each of 0..n exactly once.
fn expect_each_once(mut seen: Vec<usize>, n: usize, what: &str) {
    seen.sort_unstable();
    let mut missing = 0;
    let mut duplicated = 0;
    let mut j = 0;
    for v in 0..n {
        let mut count = 0;
        while j < seen.len() && seen[j] == v {
            count += 1;
            j += 1;
        }
        if count == 0 {
            missing += 1;
        }
        if count > 1 {
            duplicated += count - 1;
        }
    }
    expect!(
        missing == 0 && duplicated == 0 && seen.len() == n,
        "{}: each of the {} pushed values must come out exactly once; {} values were lost and {} popped more than once ({} popped in all)",
        what,
        n,
        missing,
        duplicated,
        seen.len()
    );
}

#[test]
fn new_stack_is_empty() {
    let stack: Stack<u32> = Stack::new();
    expect!(stack.is_empty(), "a new stack is empty");
    expect_eq!(stack.pop(), None, "popping an empty stack gives None");
    expect_eq!(stack.pop(), None, "and None again");
}

#[test]
fn pop_returns_the_last_pushed_value() {
    let stack = Stack::new();
    stack.push(1);
    stack.push(2);
    stack.push(3);
    expect_eq!(stack.pop(), Some(3), "LIFO: 3 was pushed last");
    expect_eq!(stack.pop(), Some(2), "then 2");
    expect_eq!(stack.pop(), Some(1), "then 1");
    expect_eq!(stack.pop(), None, "then the stack is empty");
}

#[test]
fn is_empty_follows_pushes_and_pops() {
    let stack = Stack::new();
    stack.push('a');
    expect!(!stack.is_empty(), "after a push the stack is not empty");
    stack.pop();
    expect!(
        stack.is_empty(),
        "after popping the only value the stack is empty"
    );
}

#[test]
fn interleaved_pushes_and_pops() {
    let stack = Stack::new();
    stack.push(10);
    stack.push(20);
    expect_eq!(stack.pop(), Some(20), "20 is on top");
    stack.push(30);
    expect_eq!(stack.pop(), Some(30), "30 is on top now");
    expect_eq!(stack.pop(), Some(10), "10 is left");
    expect_eq!(stack.pop(), None, "empty");
    stack.push(40);
    expect_eq!(
        stack.pop(),
        Some(40),
        "the stack works again after being emptied"
    );
}

#[test]
fn many_values_come_out_in_reverse() {
    let stack = Stack::new();
    for i in 0..100_000 {
        stack.push(i);
    }
    let out = drain(&stack);
    expect_eq!(out.len(), 100_000, "all 100,000 values come back");
    expect!(
        out.iter().rev().copied().eq(0..100_000),
        "values come out in the reverse order of their pushes"
    );
}

#[test]
fn owned_values_move_in_and_out() {
    let stack = Stack::new();
    stack.push(String::from("first"));
    stack.push(String::from("second"));
    expect_eq!(
        stack.pop(),
        Some(String::from("second")),
        "Strings move out intact"
    );
    expect_eq!(stack.pop(), Some(String::from("first")), "both of them");
}

#[test]
fn popped_values_belong_to_the_caller() {
    let drops = Arc::new(AtomicUsize::new(0));
    let stack = Stack::new();
    for id in 0..3 {
        stack.push(Counted {
            id,
            drops: Arc::clone(&drops),
        });
    }
    let top = stack.pop().expect("the stack has three values");
    expect_eq!(top.id, 2, "the last pushed value comes out");
    expect_eq!(
        drops.load(Ordering::SeqCst),
        0,
        "popping does not drop the value"
    );
    drop(stack);
    expect_eq!(
        drops.load(Ordering::SeqCst),
        2,
        "dropping the stack drops the two values still inside, not the popped one"
    );
    drop(top);
    expect_eq!(
        drops.load(Ordering::SeqCst),
        3,
        "the caller drops the popped value"
    );
}

#[test]
fn dropping_a_full_stack_drops_every_value_once() {
    let drops = Arc::new(AtomicUsize::new(0));
    let stack = Stack::new();
    for id in 0..10_000 {
        stack.push(Counted {
            id,
            drops: Arc::clone(&drops),
        });
    }
    for _ in 0..4_000 {
        drop(stack.pop());
    }
    drop(stack);
    expect_eq!(
        drops.load(Ordering::SeqCst),
        10_000,
        "4,000 popped and dropped plus 6,000 dropped with the stack: each value exactly once"
    );
}

#[test]
fn stack_is_send_and_sync_for_send_values() {
    fn shareable<S: Send + Sync>() {}
    shareable::<Stack<String>>();
    shareable::<Stack<Vec<u8>>>();
    let stack = Stack::new();
    stack.push(String::from("moved"));
    let moved = thread::spawn(move || stack.pop())
        .join()
        .expect("the thread ran");
    expect_eq!(
        moved,
        Some(String::from("moved")),
        "a stack can move to another thread"
    );
}

/// Runs `rounds` rounds; in each, `threads` threads run `work(thread, stack)` on one stack,
/// released at the same instant by a spinning start gate (so that both cores of the test
/// machine are running the stack's code at once), and then `check(round, stack, popped)` gets
/// everything the threads popped. Threads outnumber cores, so they are also preempted in the
/// middle of operations.
fn race<W, C>(rounds: usize, threads: usize, work: W, check: C)
where
    W: Fn(usize, &Stack<usize>) -> Vec<usize> + Sync,
    C: Fn(usize, &Stack<usize>, Vec<usize>),
{
    for round in 0..rounds {
        let stack = Stack::new();
        let arrived = AtomicUsize::new(0);
        let results: Vec<thread::Result<Vec<usize>>> = thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (stack, arrived, work) = (&stack, &arrived, &work);
                    s.spawn(move || {
                        arrived.fetch_add(1, Ordering::SeqCst);
                        let mut spins = 0u32;
                        while arrived.load(Ordering::SeqCst) < threads {
                            std::hint::spin_loop();
                            spins = spins.wrapping_add(1);
                            if spins % 1024 == 0 {
                                thread::yield_now();
                            }
                        }
                        work(t, stack)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join()).collect()
        });
        let mut popped = Vec::new();
        for result in results {
            match result {
                Ok(values) => popped.extend(values),
                Err(payload) => resume_unwind(payload),
            }
        }
        check(round, &stack, popped);
    }
}

#[test]
fn concurrent_pushes_are_never_lost() {
    const THREADS: usize = 4;
    const PER_THREAD: usize = 300_000;
    race(
        10,
        THREADS,
        |t, stack| {
            for i in 0..PER_THREAD {
                stack.push(t * PER_THREAD + i);
            }
            Vec::new()
        },
        |round, stack, _| {
            expect_each_once(
                drain(stack),
                THREADS * PER_THREAD,
                &format!("round {round}: {THREADS} threads pushing at once"),
            );
        },
    );
}

#[test]
fn concurrent_pushes_keep_each_threads_order() {
    const THREADS: usize = 4;
    const PER_THREAD: usize = 50_000;
    race(
        2,
        THREADS,
        |t, stack| {
            for i in 0..PER_THREAD {
                stack.push(t * PER_THREAD + i);
            }
            Vec::new()
        },
        |round, stack, _| {
            // Popping gives each thread's values newest first.
            let mut last_seen = [usize::MAX; THREADS];
            for v in drain(stack) {
                let t = v / PER_THREAD;
                expect!(
                    v < last_seen[t],
                    "round {}: values pushed by one thread come out in reverse push order; {} came after {}",
                    round,
                    v,
                    last_seen[t]
                );
                last_seen[t] = v;
            }
        },
    );
}

#[test]
fn concurrent_pops_never_return_a_value_twice() {
    const THREADS: usize = 4;
    const N: usize = 1_000_000;
    for round in 0..4 {
        let stack = Stack::new();
        for i in 0..N {
            stack.push(i);
        }
        let arrived = AtomicUsize::new(0);
        let popped: Vec<usize> = thread::scope(|s| {
            let handles: Vec<_> = (0..THREADS)
                .map(|_| {
                    let (stack, arrived) = (&stack, &arrived);
                    s.spawn(move || {
                        arrived.fetch_add(1, Ordering::SeqCst);
                        while arrived.load(Ordering::SeqCst) < THREADS {
                            std::hint::spin_loop();
                        }
                        drain(stack)
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|p| resume_unwind(p)))
                .collect()
        });
        expect!(stack.is_empty(), "round {}: all values were popped", round);
        expect_each_once(
            popped,
            N,
            &format!("round {round}: {THREADS} threads popping one stack"),
        );
    }
}

#[test]
fn concurrent_pushes_and_pops_conserve_every_value() {
    const THREADS: usize = 4;
    const PER_THREAD: usize = 300_000;
    race(
        2,
        THREADS,
        |t, stack| {
            let mut mine = Vec::new();
            for i in 0..PER_THREAD {
                stack.push(t * PER_THREAD + i);
                if i % 2 == 1 {
                    // Pop twice every other push: the stack keeps emptying and refilling, so
                    // pushes and pops race on the same nodes.
                    mine.extend(stack.pop());
                    mine.extend(stack.pop());
                }
            }
            mine
        },
        |round, stack, mut popped| {
            popped.extend(drain(stack));
            expect_each_once(
                popped,
                THREADS * PER_THREAD,
                &format!(
                    "round {round}: threads pushing and popping at once (popped values plus what is left)"
                ),
            );
        },
    );
}

#[test]
fn values_are_dropped_exactly_once_under_contention() {
    const PER_THREAD: usize = 20_000;
    let drops = Arc::new(AtomicUsize::new(0));
    let stack = Stack::new();
    let barrier = Barrier::new(4);
    thread::scope(|s| {
        for t in 0..4 {
            let (stack, barrier, drops) = (&stack, &barrier, &drops);
            s.spawn(move || {
                barrier.wait();
                for i in 0..PER_THREAD {
                    stack.push(Counted {
                        id: t * PER_THREAD + i,
                        drops: Arc::clone(drops),
                    });
                    if i % 3 == 0 {
                        drop(stack.pop());
                    }
                }
            });
        }
    });
    drop(stack);
    expect_eq!(
        drops.load(Ordering::SeqCst),
        4 * PER_THREAD,
        "every value is dropped exactly once: popped ones by the caller, the rest with the stack"
    );
}
