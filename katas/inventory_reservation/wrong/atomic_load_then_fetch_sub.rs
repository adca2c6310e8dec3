//! Check-then-act with atomics: `reserve` loads the sku's atomic available count, and if it is
//! enough takes the units with a separate `fetch_sub`, so two threads can both see the last unit
//! and both take it.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

pub type ReservationId = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReservationError {
    Unknown,
    Expired,
    Finished,
}

#[derive(Default)]
struct Sku {
    available: AtomicU32,
    sold: AtomicU32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Active,
    Done,
    Lapsed,
}

struct Hold {
    sku: Arc<Sku>,
    qty: u32,
    expires_at: u64,
    state: State,
}

#[derive(Default)]
struct Book {
    next_id: u64,
    holds: HashMap<u64, Hold>,
    by_expiry: BTreeMap<(u64, u64), ()>,
}

impl Book {
    fn sweep(&mut self, now: u64) {
        loop {
            let Some((&(at, id), _)) = self.by_expiry.iter().next() else {
                break;
            };
            if at > now {
                break;
            }
            self.by_expiry.remove(&(at, id));
            let h = self.holds.get_mut(&id).unwrap();
            h.state = State::Lapsed;
            h.sku.available.fetch_add(h.qty, Ordering::SeqCst);
        }
    }
}

pub struct Inventory {
    hold: u64,
    skus: RwLock<HashMap<String, Arc<Sku>>>,
    book: Mutex<Book>,
    next_expiry: AtomicU64,
}

impl Inventory {
    pub fn new(hold: u64) -> Self {
        Inventory {
            hold,
            skus: RwLock::new(HashMap::new()),
            book: Mutex::new(Book::default()),
            next_expiry: AtomicU64::new(u64::MAX),
        }
    }

    fn sku(&self, name: &str) -> Option<Arc<Sku>> {
        self.skus.read().unwrap().get(name).cloned()
    }

    pub fn add_stock(&self, sku: &str, qty: u32) {
        let s = match self.sku(sku) {
            Some(s) => s,
            None => self
                .skus
                .write()
                .unwrap()
                .entry(sku.to_string())
                .or_default()
                .clone(),
        };
        s.available.fetch_add(qty, Ordering::SeqCst);
    }

    pub fn reserve(&self, sku: &str, qty: u32, now: u64) -> Option<ReservationId> {
        if qty == 0 {
            return None;
        }
        let s = self.sku(sku)?;
        if now >= self.next_expiry.load(Ordering::SeqCst) {
            self.book.lock().unwrap().sweep(now);
        }
        if s.available.load(Ordering::SeqCst) < qty {
            return None;
        }
        s.available.fetch_sub(qty, Ordering::SeqCst);
        let mut book = self.book.lock().unwrap();
        book.next_id += 1;
        let id = book.next_id;
        let expires_at = now.saturating_add(self.hold);
        book.by_expiry.insert((expires_at, id), ());
        self.next_expiry.fetch_min(expires_at, Ordering::SeqCst);
        book.holds.insert(
            id,
            Hold {
                sku: s,
                qty,
                expires_at,
                state: State::Active,
            },
        );
        Some(id)
    }

    fn finish(&self, id: ReservationId, now: u64, sell: bool) -> Result<(), ReservationError> {
        let mut book = self.book.lock().unwrap();
        book.sweep(now);
        let h = book.holds.get_mut(&id).ok_or(ReservationError::Unknown)?;
        match h.state {
            State::Lapsed => return Err(ReservationError::Expired),
            State::Done => return Err(ReservationError::Finished),
            State::Active => {}
        }
        h.state = State::Done;
        let (qty, at, sku) = (h.qty, h.expires_at, h.sku.clone());
        book.by_expiry.remove(&(at, id));
        if sell {
            sku.sold.fetch_add(qty, Ordering::SeqCst);
        } else {
            sku.available.fetch_add(qty, Ordering::SeqCst);
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
        self.book.lock().unwrap().sweep(now);
        self.sku(sku)
            .map_or(0, |s| s.available.load(Ordering::SeqCst))
    }

    pub fn sold(&self, sku: &str) -> u32 {
        self.sku(sku).map_or(0, |s| s.sold.load(Ordering::SeqCst))
    }
}
