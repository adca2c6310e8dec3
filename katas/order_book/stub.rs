//! Limit order book: see the task statement (`kata hint order_book` when stuck).

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

/// A limit order book with price-time priority.
pub struct OrderBook {
    // Your fields here.
}

impl OrderBook {
    /// An empty book.
    pub fn new() -> Self {
        OrderBook {}
    }

    /// Matches an incoming limit order against the opposite side, then rests any remainder.
    /// Returns the fills in the order they happened.
    pub fn submit(&mut self, id: u64, side: Side, price: u64, qty: u64) -> Vec<Fill> {
        let _ = (id, side, price, qty);
        todo!("match by price-time priority, then rest the remainder")
    }

    /// Removes a resting order and returns its remaining quantity; `None` if it is not resting.
    pub fn cancel(&mut self, id: u64) -> Option<u64> {
        let _ = id;
        todo!("cancel a resting order")
    }

    /// The remaining quantity of a resting order; `None` if it is not resting.
    pub fn order_qty(&self, id: u64) -> Option<u64> {
        let _ = id;
        todo!("look up a resting order")
    }

    /// The highest bid price and the total quantity resting at it.
    pub fn best_bid(&self) -> Option<(u64, u64)> {
        todo!("best bid")
    }

    /// The lowest ask price and the total quantity resting at it.
    pub fn best_ask(&self) -> Option<(u64, u64)> {
        todo!("best ask")
    }
}

impl Default for OrderBook {
    fn default() -> Self {
        Self::new()
    }
}
