//! Connects the stages with unbounded `mpsc::channel`s, so a slow stage lets the input pile up in memory.

use std::sync::mpsc::{channel, Receiver, Sender as SyncSender};
use std::thread;

#[allow(clippy::too_many_arguments)]
pub fn run_pipeline<I, A, B, C, P, V, M, S>(
    input: I,
    capacity: usize,
    validators: usize,
    mut parse: P,
    validate: V,
    mut matcher: M,
    mut persist: S,
) -> usize
where
    I: IntoIterator,
    I::IntoIter: Send,
    I::Item: Send,
    A: Send,
    B: Send,
    C: Send,
    P: FnMut(I::Item) -> Option<A> + Send,
    V: Fn(A) -> Option<B> + Sync,
    M: FnMut(B) -> C + Send,
    S: FnMut(C) + Send,
{
    assert!(capacity > 0, "channels need room for at least one item");
    assert!(validators > 0, "validation needs at least one thread");
    let input = input.into_iter();
    let validate = &validate;

    let (to_validators, validator_inputs) = bounded_channels::<A>(validators, capacity);
    let (validator_outputs, from_validators) = bounded_channels::<Option<B>>(validators, capacity);
    let (to_persist, persist_input) = channel::<C>();

    thread::scope(|s| {
        s.spawn(move || {
            let mut next = 0;
            for item in input {
                if let Some(parsed) = parse(item) {
                    if to_validators[next].send(parsed).is_err() {
                        return;
                    }
                    next = (next + 1) % to_validators.len();
                }
            }
        });

        for (inbox, outbox) in validator_inputs.into_iter().zip(validator_outputs) {
            s.spawn(move || {
                for parsed in inbox {
                    if outbox.send(validate(parsed)).is_err() {
                        return;
                    }
                }
            });
        }

        s.spawn(move || {
            for k in 0.. {
                let Ok(answer) = from_validators[k % from_validators.len()].recv() else {
                    break;
                };
                if let Some(valid) = answer {
                    if to_persist.send(matcher(valid)).is_err() {
                        break;
                    }
                }
            }
        });

        let mut persisted = 0;
        for matched in persist_input {
            persist(matched);
            persisted += 1;
        }
        persisted
    })
}

fn bounded_channels<T>(count: usize, capacity: usize) -> (Vec<SyncSender<T>>, Vec<Receiver<T>>) {
    let _ = capacity;
    (0..count).map(|_| channel()).unzip()
}
