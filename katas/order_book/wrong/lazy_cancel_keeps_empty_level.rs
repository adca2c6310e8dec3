//! Cancels lazily (the id stays in its price level as a tombstone) but never removes a level whose
//! orders were all cancelled: `best_bid`/`best_ask` go on reporting that price, with 0 quantity.

use std::collections::{BTreeMap, HashMap, VecDeque};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Buy,
    Sell,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fill {
    pub maker_id: u64,
    pub taker_id: u64,
    pub price: u64,
    pub qty: u64,
}

#[derive(Default)]
struct Level {
    queue: VecDeque<u64>,
    total: u64,
}

struct Resting {
    side: Side,
    price: u64,
    qty: u64,
}

#[derive(Default)]
pub struct OrderBook {
    bids: BTreeMap<u64, Level>,
    asks: BTreeMap<u64, Level>,
    orders: HashMap<u64, Resting>,
}

impl OrderBook {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn submit(&mut self, id: u64, side: Side, price: u64, qty: u64) -> Vec<Fill> {
        let mut fills = Vec::new();
        let mut left = qty;
        while left > 0 {
            let best = match side {
                Side::Buy => self.asks.first_key_value().map(|(&p, _)| p),
                Side::Sell => self.bids.last_key_value().map(|(&p, _)| p),
            };
            let Some(level_price) = best else { break };
            let crosses = match side {
                Side::Buy => level_price <= price,
                Side::Sell => level_price >= price,
            };
            if !crosses {
                break;
            }
            let book = match side {
                Side::Buy => &mut self.asks,
                Side::Sell => &mut self.bids,
            };
            let level = book.get_mut(&level_price).expect("the best level exists");
            while left > 0 && level.total > 0 {
                let maker = *level
                    .queue
                    .front()
                    .expect("a level with a total has orders");
                let Some(resting) = self.orders.get_mut(&maker) else {
                    level.queue.pop_front(); // cancelled earlier
                    continue;
                };
                let traded = left.min(resting.qty);
                resting.qty -= traded;
                level.total -= traded;
                left -= traded;
                fills.push(Fill {
                    maker_id: maker,
                    taker_id: id,
                    price: level_price,
                    qty: traded,
                });
                if resting.qty == 0 {
                    self.orders.remove(&maker);
                    level.queue.pop_front();
                }
            }
            if level.total == 0 {
                book.remove(&level_price);
            }
        }
        if left > 0 {
            let book = match side {
                Side::Buy => &mut self.bids,
                Side::Sell => &mut self.asks,
            };
            let level = book.entry(price).or_default();
            level.queue.push_back(id);
            level.total += left;
            self.orders.insert(
                id,
                Resting {
                    side,
                    price,
                    qty: left,
                },
            );
        }
        fills
    }

    pub fn cancel(&mut self, id: u64) -> Option<u64> {
        let resting = self.orders.remove(&id)?;
        let book = match resting.side {
            Side::Buy => &mut self.bids,
            Side::Sell => &mut self.asks,
        };
        // The tombstone stays in the queue; matching skips it later.
        let level = book
            .get_mut(&resting.price)
            .expect("a resting order has a level");
        level.total -= resting.qty;
        Some(resting.qty)
    }

    pub fn order_qty(&self, id: u64) -> Option<u64> {
        self.orders.get(&id).map(|r| r.qty)
    }

    pub fn best_bid(&self) -> Option<(u64, u64)> {
        self.bids.last_key_value().map(|(&p, l)| (p, l.total))
    }

    pub fn best_ask(&self) -> Option<(u64, u64)> {
        self.asks.first_key_value().map(|(&p, l)| (p, l.total))
    }
}
