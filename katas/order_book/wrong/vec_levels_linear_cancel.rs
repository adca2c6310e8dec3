//! Right answers, wrong complexity: a BTreeMap of price levels, but each level is a Vec that is consumed with `remove(0)` and searched linearly on cancel (O(level size) per fill and per cancel).

use std::collections::{BTreeMap, HashMap};

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

pub struct OrderBook {
    bids: BTreeMap<u64, Vec<(u64, u64)>>,
    asks: BTreeMap<u64, Vec<(u64, u64)>>,
    where_is: HashMap<u64, (Side, u64)>,
}

impl OrderBook {
    pub fn new() -> Self {
        OrderBook {
            bids: BTreeMap::new(),
            asks: BTreeMap::new(),
            where_is: HashMap::new(),
        }
    }

    pub fn submit(&mut self, id: u64, side: Side, price: u64, qty: u64) -> Vec<Fill> {
        let mut fills = Vec::new();
        let mut remaining = qty;
        while remaining > 0 {
            let opposite = match side {
                Side::Buy => &mut self.asks,
                Side::Sell => &mut self.bids,
            };
            let best = match side {
                Side::Buy => opposite.keys().next().copied(),
                Side::Sell => opposite.keys().next_back().copied(),
            };
            let Some(level_price) = best else { break };
            let crosses = match side {
                Side::Buy => level_price <= price,
                Side::Sell => level_price >= price,
            };
            if !crosses {
                break;
            }
            let level = opposite.get_mut(&level_price).unwrap();
            let (maker_id, maker_left) = &mut level[0];
            let traded = remaining.min(*maker_left);
            *maker_left -= traded;
            remaining -= traded;
            fills.push(Fill {
                maker_id: *maker_id,
                taker_id: id,
                price: level_price,
                qty: traded,
            });
            if *maker_left == 0 {
                let (gone, _) = level.remove(0);
                self.where_is.remove(&gone);
                if level.is_empty() {
                    opposite.remove(&level_price);
                }
            }
        }
        if remaining > 0 {
            let book = match side {
                Side::Buy => &mut self.bids,
                Side::Sell => &mut self.asks,
            };
            book.entry(price).or_default().push((id, remaining));
            self.where_is.insert(id, (side, price));
        }
        fills
    }

    pub fn cancel(&mut self, id: u64) -> Option<u64> {
        let (side, price) = self.where_is.remove(&id)?;
        let book = match side {
            Side::Buy => &mut self.bids,
            Side::Sell => &mut self.asks,
        };
        let level = book.get_mut(&price).unwrap();
        let i = level.iter().position(|&(o, _)| o == id).unwrap();
        let (_, left) = level.remove(i);
        if level.is_empty() {
            book.remove(&price);
        }
        Some(left)
    }

    pub fn order_qty(&self, id: u64) -> Option<u64> {
        let &(side, price) = self.where_is.get(&id)?;
        let book = match side {
            Side::Buy => &self.bids,
            Side::Sell => &self.asks,
        };
        book[&price]
            .iter()
            .find(|&&(o, _)| o == id)
            .map(|&(_, q)| q)
    }

    pub fn best_bid(&self) -> Option<(u64, u64)> {
        let (&p, level) = self.bids.iter().next_back()?;
        Some((p, level.iter().map(|&(_, q)| q).sum()))
    }

    pub fn best_ask(&self) -> Option<(u64, u64)> {
        let (&p, level) = self.asks.iter().next()?;
        Some((p, level.iter().map(|&(_, q)| q).sum()))
    }
}
