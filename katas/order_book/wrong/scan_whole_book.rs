//! Right answers, wrong complexity: keeps all resting orders in one Vec and scans it for the best price on every fill and every query (O(n) matching).

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

struct Order {
    id: u64,
    side: Side,
    price: u64,
    remaining: u64,
}

pub struct OrderBook {
    // In arrival order, so the first best-priced order found is the oldest.
    orders: Vec<Order>,
}

impl OrderBook {
    pub fn new() -> Self {
        OrderBook { orders: Vec::new() }
    }

    fn best_index(&self, side: Side) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, o) in self.orders.iter().enumerate() {
            if o.side != side {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => match side {
                    Side::Buy => o.price > self.orders[b].price,
                    Side::Sell => o.price < self.orders[b].price,
                },
            };
            if better {
                best = Some(i);
            }
        }
        best
    }

    pub fn submit(&mut self, id: u64, side: Side, price: u64, qty: u64) -> Vec<Fill> {
        let opposite = match side {
            Side::Buy => Side::Sell,
            Side::Sell => Side::Buy,
        };
        let mut fills = Vec::new();
        let mut remaining = qty;
        while remaining > 0 {
            let Some(i) = self.best_index(opposite) else {
                break;
            };
            let maker = &mut self.orders[i];
            let crosses = match side {
                Side::Buy => maker.price <= price,
                Side::Sell => maker.price >= price,
            };
            if !crosses {
                break;
            }
            let traded = remaining.min(maker.remaining);
            maker.remaining -= traded;
            remaining -= traded;
            fills.push(Fill {
                maker_id: maker.id,
                taker_id: id,
                price: maker.price,
                qty: traded,
            });
            if maker.remaining == 0 {
                self.orders.remove(i);
            }
        }
        if remaining > 0 {
            self.orders.push(Order {
                id,
                side,
                price,
                remaining,
            });
        }
        fills
    }

    pub fn cancel(&mut self, id: u64) -> Option<u64> {
        let i = self.orders.iter().position(|o| o.id == id)?;
        Some(self.orders.remove(i).remaining)
    }

    pub fn order_qty(&self, id: u64) -> Option<u64> {
        self.orders.iter().find(|o| o.id == id).map(|o| o.remaining)
    }

    fn best(&self, side: Side) -> Option<(u64, u64)> {
        let price = self.orders[self.best_index(side)?].price;
        let total = self
            .orders
            .iter()
            .filter(|o| o.side == side && o.price == price)
            .map(|o| o.remaining)
            .sum();
        Some((price, total))
    }

    pub fn best_bid(&self) -> Option<(u64, u64)> {
        self.best(Side::Buy)
    }

    pub fn best_ask(&self) -> Option<(u64, u64)> {
        self.best(Side::Sell)
    }
}
