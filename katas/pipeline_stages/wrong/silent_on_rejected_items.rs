//! Deals items round-robin to the validators but lets a validator stay silent on a rejected
//! item, so the matcher, reading the validators in turn, loses its place: items come out of
//! order, or the matcher waits on a validator that has nothing to say.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;

/// Runs `input` through parse → validate → match → persist and returns how many items were
/// persisted. See the task statement for the rules.
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

    // One bounded channel into and one out of each validator.
    let (to_validators, validator_inputs) = bounded_channels::<A>(validators, capacity);
    let (validator_outputs, from_validators) = bounded_channels::<Option<B>>(validators, capacity);
    let (to_persist, persist_input) = sync_channel::<C>(capacity);

    thread::scope(|s| {
        // Parse: deal the surviving items out to the validators in turn.
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
            // Dropping the senders here tells the validators that no more items come.
        });

        // Validate: each validator answers every item it gets, even a rejected one (`None`), so
        // that the matcher can keep its place in the round-robin.
        for (inbox, outbox) in validator_inputs.into_iter().zip(validator_outputs) {
            s.spawn(move || {
                for parsed in inbox {
                    // Only valid items go on; a rejected one has nothing to say.
                    if let Some(valid) = validate(parsed) {
                        if outbox.send(Some(valid)).is_err() {
                            return;
                        }
                    }
                }
            });
        }

        // Match: read the validators' answers in the same round-robin order, which is input
        // order; the pipeline is drained when the next validator in turn has closed.
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

        // Persist on this thread; the loop ends when the matcher hangs up.
        let mut persisted = 0;
        for matched in persist_input {
            persist(matched);
            persisted += 1;
        }
        persisted
    })
}

/// `count` bounded channels of `capacity` items, as a list of senders and a list of receivers.
fn bounded_channels<T>(count: usize, capacity: usize) -> (Vec<SyncSender<T>>, Vec<Receiver<T>>) {
    (0..count).map(|_| sync_channel(capacity)).unzip()
}
