//! Inventory reservations: see the task statement (`kata hint inventory_reservation`).

use std::sync::Mutex;

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

/// Stock levels with timed reservations, safe to share between threads.
pub struct Inventory {
    // Your fields here (the whole type must stay `Send + Sync`).
    _state: Mutex<()>,
}

impl Inventory {
    /// An empty inventory whose reservations hold their units for `hold` time units.
    pub fn new(hold: u64) -> Self {
        let _ = hold;
        todo!("create the inventory")
    }

    /// Puts `qty` more units of `sku` on sale.
    pub fn add_stock(&self, sku: &str, qty: u32) {
        let _ = (sku, qty);
        todo!("add stock")
    }

    /// Holds `qty` units of `sku` until `now + hold`; `None` if fewer are available or `qty` is 0.
    pub fn reserve(&self, sku: &str, qty: u32, now: u64) -> Option<ReservationId> {
        let _ = (sku, qty, now);
        todo!("reserve units without ever overselling")
    }

    /// Sells the units of an active reservation.
    pub fn confirm(&self, id: ReservationId, now: u64) -> Result<(), ReservationError> {
        let _ = (id, now);
        todo!("confirm a reservation")
    }

    /// Puts the units of an active reservation back on sale.
    pub fn release(&self, id: ReservationId, now: u64) -> Result<(), ReservationError> {
        let _ = (id, now);
        todo!("release a reservation")
    }

    /// Units of `sku` that can be reserved at `now`.
    pub fn available(&self, sku: &str, now: u64) -> u32 {
        let _ = (sku, now);
        todo!("count available units")
    }

    /// Units of `sku` sold (confirmed) so far.
    pub fn sold(&self, sku: &str) -> u32 {
        let _ = sku;
        todo!("count sold units")
    }
}
