//! Reference solution: one `Mutex` around the whole state, so every check and the change it
//! guards happen in a single critical section; expired holds are swept lazily by time.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};

/// Reservation ids are 1, 2, 3, ... in the order reservations are made.
pub type ReservationId = u64;

/// Why a reservation could not be confirmed or released.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReservationError {
    /// No reservation with this id was ever made.
    Unknown,
    /// The hold ran out before the call; its units went back on sale.
    Expired,
    /// The reservation was already confirmed or released.
    Finished,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Held,
    Finished,
    Expired,
}

#[derive(Debug)]
struct Reservation {
    sku: String,
    qty: u32,
    expires_at: u64,
    status: Status,
}

#[derive(Debug, Default)]
struct Stock {
    /// Everything ever added.
    total: u32,
    /// Units confirmed.
    sold: u32,
    /// Units in active (unexpired, unfinished) holds.
    held: u32,
}

impl Stock {
    fn available(&self) -> u32 {
        self.total - self.sold - self.held
    }
}

#[derive(Debug, Default)]
struct State {
    stock: HashMap<String, Stock>,
    reservations: HashMap<ReservationId, Reservation>,
    /// Active holds by expiry time, for the lazy sweep.
    expiries: BTreeSet<(u64, ReservationId)>,
    last_id: ReservationId,
}

impl State {
    /// Returns the units of every hold that has run out by `now` to the shelf.
    fn expire(&mut self, now: u64) {
        while let Some(&(expires_at, id)) = self.expiries.first() {
            if expires_at > now {
                break;
            }
            self.expiries.pop_first();
            let r = self.reservations.get_mut(&id).expect("indexed holds exist");
            r.status = Status::Expired;
            if let Some(stock) = self.stock.get_mut(&r.sku) {
                stock.held -= r.qty;
            }
        }
    }

    /// Finishes an active hold: `sold` says whether its units were sold or put back.
    fn finish(&mut self, id: ReservationId, now: u64, sold: bool) -> Result<(), ReservationError> {
        self.expire(now);
        let r = self
            .reservations
            .get_mut(&id)
            .ok_or(ReservationError::Unknown)?;
        match r.status {
            Status::Expired => return Err(ReservationError::Expired),
            Status::Finished => return Err(ReservationError::Finished),
            Status::Held => {}
        }
        r.status = Status::Finished;
        self.expiries.remove(&(r.expires_at, id));
        let stock = self.stock.get_mut(&r.sku).expect("reserved skus exist");
        stock.held -= r.qty;
        if sold {
            stock.sold += r.qty;
        }
        Ok(())
    }
}

/// Stock levels with timed reservations, safe to share between threads.
#[derive(Debug)]
pub struct Inventory {
    hold: u64,
    state: Mutex<State>,
}

impl Inventory {
    /// An empty inventory whose reservations hold their units for `hold` time units.
    pub fn new(hold: u64) -> Self {
        Self {
            hold,
            state: Mutex::new(State::default()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in another thread cannot leave the state half-updated (every update is
        // completed before the guard drops), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Puts `qty` more units of `sku` on sale.
    pub fn add_stock(&self, sku: &str, qty: u32) {
        self.lock().stock.entry(sku.to_owned()).or_default().total += qty;
    }

    /// Holds `qty` units of `sku` until `now + hold`; `None` if fewer are available or `qty` is 0.
    pub fn reserve(&self, sku: &str, qty: u32, now: u64) -> Option<ReservationId> {
        let mut state = self.lock();
        state.expire(now);
        // The check and the update below happen under the same lock: no other thread can take
        // the units in between.
        let stock = state.stock.get_mut(sku)?;
        if qty == 0 || stock.available() < qty {
            return None;
        }
        stock.held += qty;
        state.last_id += 1;
        let id = state.last_id;
        let expires_at = now.saturating_add(self.hold);
        state.expiries.insert((expires_at, id));
        state.reservations.insert(
            id,
            Reservation {
                sku: sku.to_owned(),
                qty,
                expires_at,
                status: Status::Held,
            },
        );
        Some(id)
    }

    /// Sells the units of an active reservation.
    pub fn confirm(&self, id: ReservationId, now: u64) -> Result<(), ReservationError> {
        self.lock().finish(id, now, true)
    }

    /// Puts the units of an active reservation back on sale.
    pub fn release(&self, id: ReservationId, now: u64) -> Result<(), ReservationError> {
        self.lock().finish(id, now, false)
    }

    /// Units of `sku` that can be reserved at `now`.
    pub fn available(&self, sku: &str, now: u64) -> u32 {
        let mut state = self.lock();
        state.expire(now);
        state.stock.get(sku).map_or(0, Stock::available)
    }

    /// Units of `sku` sold (confirmed) so far.
    pub fn sold(&self, sku: &str) -> u32 {
        self.lock().stock.get(sku).map_or(0, |s| s.sold)
    }
}
