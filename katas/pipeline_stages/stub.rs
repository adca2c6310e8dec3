//! Pipeline stages: see the task statement (`kata hint pipeline_stages` when stuck).

/// Runs `input` through parse → validate → match → persist and returns how many items were
/// persisted. See the task statement for the rules.
#[allow(clippy::too_many_arguments)]
pub fn run_pipeline<I, A, B, C, P, V, M, S>(
    input: I,
    capacity: usize,
    validators: usize,
    parse: P,
    validate: V,
    matcher: M,
    persist: S,
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
    let _ = (
        input, capacity, validators, parse, validate, matcher, persist,
    );
    todo!("connect the stages with bounded channels")
}
