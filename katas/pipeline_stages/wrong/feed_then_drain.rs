//! The calling thread feeds every item into the first channel and only then drains the last one: once the channels fill up, everything waits on everything else (deadlock).

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
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
    assert!(capacity > 0 && validators > 0);
    let validate = &validate;
    let (to_validators, inboxes) = channels::<A>(validators, capacity);
    let (outboxes, from_validators) = channels::<Option<B>>(validators, capacity);
    let (to_persist, persist_in) = sync_channel::<C>(capacity);
    thread::scope(|s| {
        for (inbox, outbox) in inboxes.into_iter().zip(outboxes) {
            s.spawn(move || {
                for a in inbox {
                    if outbox.send(validate(a)).is_err() {
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
                if let Some(b) = answer {
                    if to_persist.send(matcher(b)).is_err() {
                        break;
                    }
                }
            }
        });
        let mut next = 0;
        for item in input {
            if let Some(a) = parse(item) {
                to_validators[next].send(a).unwrap();
                next = (next + 1) % to_validators.len();
            }
        }
        drop(to_validators);
        let mut count = 0;
        for c in persist_in {
            persist(c);
            count += 1;
        }
        count
    })
}

fn channels<T>(count: usize, capacity: usize) -> (Vec<SyncSender<T>>, Vec<Receiver<T>>) {
    (0..count).map(|_| sync_channel(capacity)).unzip()
}
