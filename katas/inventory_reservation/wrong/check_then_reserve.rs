//! Check-then-act: `reserve` asks `self.available(..)` under one lock and takes the units under a second one, so two threads can both take the last unit.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};

pub type ReservationId = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReservationError {
    Unknown,
    Expired,
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
    total: u32,
    sold: u32,
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
    expiries: BTreeSet<(u64, ReservationId)>,
    last_id: ReservationId,
}

impl State {
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

#[derive(Debug)]
pub struct Inventory {
    hold: u64,
    state: Mutex<State>,
}

impl Inventory {
    pub fn new(hold: u64) -> Self {
        Self {
            hold,
            state: Mutex::new(State::default()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn add_stock(&self, sku: &str, qty: u32) {
        self.lock().stock.entry(sku.to_owned()).or_default().total += qty;
    }

    pub fn reserve(&self, sku: &str, qty: u32, now: u64) -> Option<ReservationId> {
        if qty == 0 || self.available(sku, now) < qty {
            return None;
        }
        let mut state = self.lock();
        let stock = state.stock.get_mut(sku)?;
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

    pub fn confirm(&self, id: ReservationId, now: u64) -> Result<(), ReservationError> {
        self.lock().finish(id, now, true)
    }

    pub fn release(&self, id: ReservationId, now: u64) -> Result<(), ReservationError> {
        self.lock().finish(id, now, false)
    }

    pub fn available(&self, sku: &str, now: u64) -> u32 {
        let mut state = self.lock();
        state.expire(now);
        state.stock.get(sku).map_or(0, Stock::available)
    }

    pub fn sold(&self, sku: &str) -> u32 {
        self.lock().stock.get(sku).map_or(0, |s| s.sold)
    }
}
