//! Price priority right, time priority wrong: within a price level the newest order trades first (a stack, not a queue).

use std::collections::{BTreeMap, HashMap, VecDeque};

/// Which side of the book an order is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Buy,
    Sell,
}

/// One trade between a resting order (the maker) and an incoming order (the taker).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fill {
    pub maker_id: u64,
    pub taker_id: u64,
    pub price: u64,
    pub qty: u64,
}

/// A resting order.
struct Resting {
    side: Side,
    price: u64,
    remaining: u64,
}

/// All resting orders at one price, oldest first.
#[derive(Default)]
struct Level {
    /// Ids in arrival order; may contain ids of cancelled orders, which are skipped.
    queue: VecDeque<u64>,
    /// Sum of the remaining quantity of the live orders at this price.
    total: u64,
}

/// A limit order book with price-time priority.
#[derive(Default)]
pub struct OrderBook {
    bids: BTreeMap<u64, Level>,
    asks: BTreeMap<u64, Level>,
    orders: HashMap<u64, Resting>,
}

impl OrderBook {
    /// An empty book.
    pub fn new() -> Self {
        Self::default()
    }

    /// Matches an incoming limit order against the opposite side, then rests any remainder.
    /// Returns the fills in the order they happened.
    pub fn submit(&mut self, id: u64, side: Side, price: u64, qty: u64) -> Vec<Fill> {
        let mut fills = Vec::new();
        let mut remaining = qty;
        while remaining > 0 {
            let opposite = match side {
                Side::Buy => &mut self.asks,
                Side::Sell => &mut self.bids,
            };
            // The best opposite level: the lowest ask for a buy, the highest bid for a sell.
            let best = match side {
                Side::Buy => opposite.first_entry(),
                Side::Sell => opposite.last_entry(),
            };
            let Some(mut level) = best else { break };
            let level_price = *level.key();
            let crosses = match side {
                Side::Buy => level_price <= price,
                Side::Sell => level_price >= price,
            };
            if !crosses {
                break;
            }
            // The oldest live order at this level; ids of cancelled orders are dropped here.
            let maker_id = loop {
                let front = *level.get().queue.back().expect("a live level has orders");
                if self.orders.contains_key(&front) {
                    break front;
                }
                level.get_mut().queue.pop_back();
            };
            let maker = self.orders.get_mut(&maker_id).expect("checked above");
            let traded = remaining.min(maker.remaining);
            maker.remaining -= traded;
            remaining -= traded;
            level.get_mut().total -= traded;
            fills.push(Fill {
                maker_id,
                taker_id: id,
                price: level_price,
                qty: traded,
            });
            if maker.remaining == 0 {
                self.orders.remove(&maker_id);
                level.get_mut().queue.pop_back();
            }
            if level.get().total == 0 {
                level.remove();
            }
        }
        if remaining > 0 {
            self.rest(id, side, price, remaining);
        }
        fills
    }

    fn rest(&mut self, id: u64, side: Side, price: u64, remaining: u64) {
        let book = match side {
            Side::Buy => &mut self.bids,
            Side::Sell => &mut self.asks,
        };
        let level = book.entry(price).or_default();
        level.queue.push_back(id);
        level.total += remaining;
        self.orders.insert(
            id,
            Resting {
                side,
                price,
                remaining,
            },
        );
    }

    /// Removes a resting order and returns its remaining quantity; `None` if it is not resting.
    pub fn cancel(&mut self, id: u64) -> Option<u64> {
        let order = self.orders.remove(&id)?;
        let book = match order.side {
            Side::Buy => &mut self.bids,
            Side::Sell => &mut self.asks,
        };
        let level = book
            .get_mut(&order.price)
            .expect("a resting order has a level");
        level.total -= order.remaining;
        if level.total == 0 {
            // No live order left: drop the level with any stale ids in it.
            book.remove(&order.price);
        }
        Some(order.remaining)
    }

    /// The remaining quantity of a resting order; `None` if it is not resting.
    pub fn order_qty(&self, id: u64) -> Option<u64> {
        self.orders.get(&id).map(|order| order.remaining)
    }

    /// The highest bid price and the total quantity resting at it.
    pub fn best_bid(&self) -> Option<(u64, u64)> {
        self.bids
            .last_key_value()
            .map(|(&p, level)| (p, level.total))
    }

    /// The lowest ask price and the total quantity resting at it.
    pub fn best_ask(&self) -> Option<(u64, u64)> {
        self.asks
            .first_key_value()
            .map(|(&p, level)| (p, level.total))
    }
}
