//! Check-then-act with atomics: `confirm`/`release` look the reservation up under a read lock,
//! load its atomic status and, if it is active, store "finished" with a separate write, so a
//! racing confirm and release can both see it active and both succeed.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, RwLock};

pub type ReservationId = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReservationError {
    Unknown,
    Expired,
    Finished,
}

const ACTIVE: u8 = 0;
const DONE: u8 = 1;
const LAPSED: u8 = 2;

struct Hold {
    sku: String,
    qty: u32,
    expires_at: u64,
    state: AtomicU8,
}

#[derive(Default)]
struct Stock {
    total: u32,
    sold: u32,
    held: u32,
}

#[derive(Default)]
struct Book {
    next_id: u64,
    stock: HashMap<String, Stock>,
    holds: HashMap<u64, Arc<Hold>>,
    by_expiry: BTreeSet<(u64, u64)>,
}

impl Book {
    fn sweep(&mut self, now: u64) {
        while let Some(&(at, id)) = self.by_expiry.first() {
            if at > now {
                break;
            }
            self.by_expiry.pop_first();
            let h = self.holds[&id].clone();
            if h.state
                .compare_exchange(ACTIVE, LAPSED, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                self.stock.get_mut(&h.sku).unwrap().held -= h.qty;
            }
        }
    }
}

pub struct Inventory {
    hold: u64,
    book: Mutex<Book>,
    index: RwLock<HashMap<u64, Arc<Hold>>>,
}

impl Inventory {
    pub fn new(hold: u64) -> Self {
        Inventory {
            hold,
            book: Mutex::new(Book::default()),
            index: RwLock::new(HashMap::new()),
        }
    }

    pub fn add_stock(&self, sku: &str, qty: u32) {
        self.book
            .lock()
            .unwrap()
            .stock
            .entry(sku.to_string())
            .or_default()
            .total += qty;
    }

    pub fn reserve(&self, sku: &str, qty: u32, now: u64) -> Option<ReservationId> {
        let mut book = self.book.lock().unwrap();
        book.sweep(now);
        let s = book.stock.get_mut(sku)?;
        if qty == 0 || s.total - s.sold - s.held < qty {
            return None;
        }
        s.held += qty;
        book.next_id += 1;
        let id = book.next_id;
        let expires_at = now.saturating_add(self.hold);
        book.by_expiry.insert((expires_at, id));
        let h = Arc::new(Hold {
            sku: sku.to_string(),
            qty,
            expires_at,
            state: AtomicU8::new(ACTIVE),
        });
        book.holds.insert(id, h.clone());
        self.index.write().unwrap().insert(id, h);
        Some(id)
    }

    fn finish(&self, id: ReservationId, now: u64, sell: bool) -> Result<(), ReservationError> {
        self.book.lock().unwrap().sweep(now);
        let h = self
            .index
            .read()
            .unwrap()
            .get(&id)
            .cloned()
            .ok_or(ReservationError::Unknown)?;
        match h.state.load(Ordering::SeqCst) {
            LAPSED => return Err(ReservationError::Expired),
            DONE => return Err(ReservationError::Finished),
            _ => {}
        }
        h.state.store(DONE, Ordering::SeqCst);
        let mut book = self.book.lock().unwrap();
        book.by_expiry.remove(&(h.expires_at, id));
        let s = book.stock.get_mut(&h.sku).unwrap();
        s.held -= h.qty;
        if sell {
            s.sold += h.qty;
        }
        Ok(())
    }

    pub fn confirm(&self, id: ReservationId, now: u64) -> Result<(), ReservationError> {
        self.finish(id, now, true)
    }

    pub fn release(&self, id: ReservationId, now: u64) -> Result<(), ReservationError> {
        self.finish(id, now, false)
    }

    pub fn available(&self, sku: &str, now: u64) -> u32 {
        let mut book = self.book.lock().unwrap();
        book.sweep(now);
        book.stock.get(sku).map_or(0, |s| s.total - s.sold - s.held)
    }

    pub fn sold(&self, sku: &str) -> u32 {
        self.book
            .lock()
            .unwrap()
            .stock
            .get(sku)
            .map_or(0, |s| s.sold)
    }
}
