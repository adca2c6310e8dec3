//! Validators share one work queue (a `Receiver` behind a `Mutex`), so whichever is free takes
//! the next item; every item carries its sequence number, and the matcher re-sequences the
//! answers in a `BTreeMap`. The re-sequencing buffer is kept bounded by credits: the parser needs
//! one credit per item it sends on, and the matcher hands a credit back for each item it has
//! taken in order, so at most `capacity + validators` items are between the two.

use std::collections::BTreeMap;
use std::sync::mpsc::sync_channel;
use std::sync::Mutex;
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
    assert!(
        capacity >= 1 && validators >= 1,
        "capacity and validators must be positive"
    );
    let window = capacity + validators;
    let input = input.into_iter();
    let validate = &validate;

    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx
            .send(())
            .expect("the channel has room for every credit");
    }
    let (work_tx, work_rx) = sync_channel::<(u64, A)>(capacity);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = sync_channel::<(u64, Option<B>)>(capacity);
    let (persist_tx, persist_rx) = sync_channel::<C>(capacity);

    thread::scope(|s| {
        s.spawn(move || {
            let mut seq = 0u64;
            for item in input {
                let Some(parsed) = parse(item) else {
                    continue;
                };
                if credit_rx.recv().is_err() || work_tx.send((seq, parsed)).is_err() {
                    return;
                }
                seq += 1;
            }
        });

        let work_rx = &work_rx;
        for _ in 0..validators {
            let done_tx = done_tx.clone();
            s.spawn(move || loop {
                // Hold the lock only while taking an item, never while validating it.
                let next = work_rx.lock().unwrap().recv();
                let Ok((seq, parsed)) = next else {
                    return;
                };
                if done_tx.send((seq, validate(parsed))).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);

        s.spawn(move || {
            let mut waiting = BTreeMap::new();
            let mut expected = 0u64;
            for (seq, answer) in done_rx {
                waiting.insert(seq, answer);
                while let Some(answer) = waiting.remove(&expected) {
                    expected += 1;
                    let _ = credit_tx.send(());
                    if let Some(valid) = answer {
                        if persist_tx.send(matcher(valid)).is_err() {
                            return;
                        }
                    }
                }
            }
        });

        let mut persisted = 0;
        for matched in persist_rx {
            persist(matched);
            persisted += 1;
        }
        persisted
    })
}
