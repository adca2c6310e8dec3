//! Deadlock detection: see the task statement (`kata hint deadlock_detection` when stuck).

/// Who waits for whom: an edge `waiter -> holder` means `waiter` waits for a lock `holder` has.
pub struct WaitForGraph {
    // Your fields here.
}

impl WaitForGraph {
    pub fn new() -> Self {
        WaitForGraph {}
    }

    /// Records that `waiter` waits for `holder`. Self-waits are ignored; repeats are no-ops.
    pub fn add_wait(&mut self, waiter: u64, holder: u64) {
        let _ = (waiter, holder);
        todo!()
    }

    /// Forgets that `waiter` waits for `holder` (the lock was granted).
    pub fn remove_wait(&mut self, waiter: u64, holder: u64) {
        let _ = (waiter, holder);
        todo!()
    }

    /// Removes a finished or aborted transaction: its own waits and every wait for it.
    pub fn remove_txn(&mut self, txn: u64) {
        let _ = txn;
        todo!()
    }

    /// Some cycle `[t0, t1, .., tk]`: each waits for the next and `tk` waits for `t0`.
    pub fn find_cycle(&self) -> Option<Vec<u64>> {
        todo!()
    }

    /// Every transaction that lies on a cycle, in ascending order.
    pub fn deadlocked(&self) -> Vec<u64> {
        todo!()
    }

    /// The deadlocked transaction with the lowest cost; ties go to the highest id (youngest).
    pub fn choose_victim<F: Fn(u64) -> u64>(&self, cost: F) -> Option<u64> {
        let _ = cost;
        todo!()
    }

    /// Aborts victims (removing them) until no deadlock is left; returns them in order.
    pub fn resolve<F: Fn(u64) -> u64>(&mut self, cost: F) -> Vec<u64> {
        let _ = cost;
        todo!()
    }
}

impl Default for WaitForGraph {
    fn default() -> Self {
        Self::new()
    }
}
