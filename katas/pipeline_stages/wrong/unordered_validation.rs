//! Validators share one input and one output channel and the matcher takes results as they come, so parallel validation reorders items.

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
    assert!(capacity > 0 && validators > 0);
    let input = input.into_iter();
    let validate = &validate;
    let (to_validate, validate_in) = sync_channel::<A>(capacity);
    let validate_in = Mutex::new(validate_in);
    let validate_in = &validate_in;
    let (validated, match_in) = sync_channel::<Option<B>>(capacity);
    let (to_persist, persist_in) = sync_channel::<C>(capacity);
    thread::scope(|s| {
        s.spawn(move || {
            for item in input {
                if let Some(a) = parse(item) {
                    if to_validate.send(a).is_err() {
                        return;
                    }
                }
            }
        });
        for _ in 0..validators {
            let validated = validated.clone();
            s.spawn(move || loop {
                let next = validate_in.lock().unwrap().recv();
                match next {
                    Ok(a) => {
                        if validated.send(validate(a)).is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                }
            });
        }
        drop(validated);
        s.spawn(move || {
            for b in match_in.into_iter().flatten() {
                if to_persist.send(matcher(b)).is_err() {
                    return;
                }
            }
        });
        let mut count = 0;
        for c in persist_in {
            persist(c);
            count += 1;
        }
        count
    })
}
