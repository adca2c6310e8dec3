use kata_assert::{expect, expect_eq};
use order_book::{Fill, OrderBook, Side};

fn fill(maker_id: u64, taker_id: u64, price: u64, qty: u64) -> Fill {
    Fill {
        maker_id,
        taker_id,
        price,
        qty,
    }
}

fn no_fills() -> Vec<Fill> {
    Vec::new()
}

#[test]
fn empty_book_has_no_best_prices() {
    let book = OrderBook::new();
    expect_eq!(book.best_bid(), None, "an empty book has no bid");
    expect_eq!(book.best_ask(), None, "an empty book has no ask");
}

#[test]
fn resting_orders_set_best_bid_and_ask() {
    let mut book = OrderBook::new();
    expect_eq!(
        book.submit(1, Side::Buy, 99, 10),
        no_fills(),
        "a buy into an empty book rests"
    );
    expect_eq!(
        book.submit(2, Side::Sell, 101, 7),
        no_fills(),
        "a sell above the bid rests"
    );
    expect_eq!(
        book.best_bid(),
        Some((99, 10)),
        "best bid is the resting buy"
    );
    expect_eq!(
        book.best_ask(),
        Some((101, 7)),
        "best ask is the resting sell"
    );
    expect_eq!(book.order_qty(1), Some(10), "order 1 rests with 10");
    expect_eq!(book.order_qty(2), Some(7), "order 2 rests with 7");
}

#[test]
fn best_bid_is_highest_and_best_ask_is_lowest() {
    let mut book = OrderBook::new();
    for (id, price) in [(1, 97), (2, 99), (3, 98)] {
        book.submit(id, Side::Buy, price, 1);
    }
    for (id, price) in [(4, 103), (5, 101), (6, 102)] {
        book.submit(id, Side::Sell, price, 1);
    }
    expect_eq!(
        book.best_bid(),
        Some((99, 1)),
        "the highest buy price is the best bid"
    );
    expect_eq!(
        book.best_ask(),
        Some((101, 1)),
        "the lowest sell price is the best ask"
    );
}

#[test]
fn level_quantity_is_the_total_at_that_price() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 99, 10);
    book.submit(2, Side::Buy, 99, 15);
    book.submit(3, Side::Buy, 98, 100);
    book.submit(4, Side::Sell, 105, 4);
    book.submit(5, Side::Sell, 105, 6);
    expect_eq!(book.best_bid(), Some((99, 25)), "two buys at 99: 10 + 15");
    expect_eq!(book.best_ask(), Some((105, 10)), "two sells at 105: 4 + 6");
}

#[test]
fn orders_that_do_not_cross_rest() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 5);
    expect_eq!(
        book.submit(2, Side::Buy, 99, 5),
        no_fills(),
        "a buy at 99 does not reach a sell at 100"
    );
    expect_eq!(book.best_bid(), Some((99, 5)), "the buy rests at 99");
    expect_eq!(book.best_ask(), Some((100, 5)), "the sell is untouched");
}

#[test]
fn equal_prices_trade() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 5);
    expect_eq!(
        book.submit(2, Side::Buy, 100, 5),
        vec![fill(1, 2, 100, 5)],
        "a buy at 100 crosses a sell at 100"
    );
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 100, 5);
    expect_eq!(
        book.submit(2, Side::Sell, 100, 5),
        vec![fill(1, 2, 100, 5)],
        "a sell at 100 crosses a buy at 100"
    );
}

#[test]
fn buy_fills_at_the_resting_sells_price() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 5);
    expect_eq!(
        book.submit(2, Side::Buy, 105, 5),
        vec![fill(1, 2, 100, 5)],
        "the trade happens at the maker's price (100), not the taker's limit (105)"
    );
}

#[test]
fn sell_fills_at_the_resting_buys_price() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 105, 5);
    expect_eq!(
        book.submit(2, Side::Sell, 100, 5),
        vec![fill(1, 2, 105, 5)],
        "the trade happens at the maker's price (105), not the taker's limit (100)"
    );
}

#[test]
fn buy_takes_the_lowest_sells_first() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 102, 1);
    book.submit(2, Side::Sell, 100, 1);
    book.submit(3, Side::Sell, 101, 1);
    expect_eq!(
        book.submit(4, Side::Buy, 102, 3),
        vec![fill(2, 4, 100, 1), fill(3, 4, 101, 1), fill(1, 4, 102, 1)],
        "a buy sweeps the asks from the lowest price up"
    );
}

#[test]
fn sell_takes_the_highest_buys_first() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 98, 1);
    book.submit(2, Side::Buy, 100, 1);
    book.submit(3, Side::Buy, 99, 1);
    expect_eq!(
        book.submit(4, Side::Sell, 98, 3),
        vec![fill(2, 4, 100, 1), fill(3, 4, 99, 1), fill(1, 4, 98, 1)],
        "a sell sweeps the bids from the highest price down"
    );
}

#[test]
fn earlier_order_at_a_price_trades_first() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 5);
    book.submit(2, Side::Sell, 100, 5);
    expect_eq!(
        book.submit(3, Side::Buy, 100, 5),
        vec![fill(1, 3, 100, 5)],
        "at one price the earliest order (1) trades first"
    );
    expect_eq!(book.order_qty(2), Some(5), "the later order 2 is untouched");
}

#[test]
fn time_priority_holds_across_many_orders() {
    let mut book = OrderBook::new();
    for id in 1..=6 {
        book.submit(id, Side::Buy, 50, 1);
    }
    let fills = book.submit(100, Side::Sell, 50, 6);
    let makers: Vec<u64> = fills.iter().map(|f| f.maker_id).collect();
    expect_eq!(
        makers,
        vec![1, 2, 3, 4, 5, 6],
        "buys at one price fill in the order they were submitted"
    );
}

#[test]
fn better_price_beats_earlier_time() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 101, 5);
    book.submit(2, Side::Sell, 100, 5);
    expect_eq!(
        book.submit(3, Side::Buy, 101, 5),
        vec![fill(2, 3, 100, 5)],
        "price comes before time: the later but cheaper sell trades first"
    );
}

#[test]
fn partly_filled_maker_keeps_the_rest() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 10);
    expect_eq!(
        book.submit(2, Side::Buy, 100, 4),
        vec![fill(1, 2, 100, 4)],
        "the buy of 4 takes 4 of the 10"
    );
    expect_eq!(book.order_qty(1), Some(6), "the maker keeps 10 - 4 = 6");
    expect_eq!(book.best_ask(), Some((100, 6)), "the level now holds 6");
    expect_eq!(book.order_qty(2), None, "the filled buy does not rest");
    expect_eq!(book.best_bid(), None, "nothing rests on the buy side");
}

#[test]
fn partly_filled_maker_keeps_its_place() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 10);
    book.submit(2, Side::Sell, 100, 10);
    book.submit(3, Side::Buy, 100, 4);
    expect_eq!(
        book.submit(4, Side::Buy, 100, 8),
        vec![fill(1, 4, 100, 6), fill(2, 4, 100, 2)],
        "order 1, partly filled, is still first in line at 100"
    );
}

#[test]
fn taker_remainder_rests_at_its_own_price() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 3);
    expect_eq!(
        book.submit(2, Side::Buy, 102, 10),
        vec![fill(1, 2, 100, 3)],
        "the buy takes the 3 available"
    );
    expect_eq!(
        book.best_bid(),
        Some((102, 7)),
        "the other 7 rest as a bid at 102"
    );
    expect_eq!(book.best_ask(), None, "the ask side is empty");
    expect_eq!(book.order_qty(2), Some(7), "order 2 rests with 7");
}

#[test]
fn sweep_stops_at_the_limit_price() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 2);
    book.submit(2, Side::Sell, 101, 2);
    book.submit(3, Side::Sell, 103, 2);
    expect_eq!(
        book.submit(4, Side::Buy, 102, 10),
        vec![fill(1, 4, 100, 2), fill(2, 4, 101, 2)],
        "a buy at 102 stops before the sell at 103"
    );
    expect_eq!(
        book.best_bid(),
        Some((102, 6)),
        "the rest (6) of the buy rests at 102"
    );
    expect_eq!(
        book.best_ask(),
        Some((103, 2)),
        "the sell at 103 is untouched"
    );
}

#[test]
fn remainder_queues_behind_existing_orders() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 100, 5);
    book.submit(2, Side::Sell, 101, 2);
    // Order 3's limit of 100 cannot reach the sell at 101: it rests at 100 behind order 1.
    expect_eq!(
        book.submit(3, Side::Buy, 100, 3),
        no_fills(),
        "100 does not reach 101"
    );
    // Order 4 buys at 101: takes the 2 at 101, and its remaining 4 rest at 101.
    expect_eq!(
        book.submit(4, Side::Buy, 101, 6),
        vec![fill(2, 4, 101, 2)],
        "the buy at 101 takes the 2 offered at 101"
    );
    let fills = book.submit(5, Side::Sell, 100, 12);
    expect_eq!(
        fills,
        vec![fill(4, 5, 101, 4), fill(1, 5, 100, 5), fill(3, 5, 100, 3)],
        "the rested remainder of 4 is best at 101; at 100, order 1 came before order 3"
    );
}

#[test]
fn orders_never_trade_with_their_own_side() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 100, 5);
    expect_eq!(
        book.submit(2, Side::Buy, 100, 5),
        no_fills(),
        "two buys do not trade"
    );
    expect_eq!(book.best_bid(), Some((100, 10)), "both buys rest");
    book.submit(3, Side::Sell, 200, 5);
    expect_eq!(
        book.submit(4, Side::Sell, 150, 5),
        no_fills(),
        "two sells do not trade"
    );
}

#[test]
fn filled_orders_leave_the_book() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 5);
    book.submit(2, Side::Buy, 100, 5);
    expect_eq!(
        book.order_qty(1),
        None,
        "the completely filled maker is gone"
    );
    expect_eq!(
        book.order_qty(2),
        None,
        "the completely filled taker never rested"
    );
    expect_eq!(book.best_ask(), None, "the emptied level is gone");
    expect_eq!(book.best_bid(), None, "nothing rests");
    expect_eq!(book.cancel(1), None, "a filled order cannot be cancelled");
}

#[test]
fn emptied_level_gives_way_to_the_next() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 5);
    book.submit(2, Side::Sell, 104, 5);
    book.submit(3, Side::Buy, 100, 5);
    expect_eq!(
        book.best_ask(),
        Some((104, 5)),
        "with 100 used up, the best ask is 104"
    );
}

#[test]
fn cancel_returns_the_remaining_quantity() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 100, 10);
    expect_eq!(
        book.cancel(1),
        Some(10),
        "cancelling returns the remaining 10"
    );
    expect_eq!(book.order_qty(1), None, "a cancelled order is not resting");
    expect_eq!(book.best_bid(), None, "the only bid was cancelled");
}

#[test]
fn cancel_after_a_partial_fill_returns_what_is_left() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 10);
    book.submit(2, Side::Buy, 100, 3);
    expect_eq!(book.cancel(1), Some(7), "10 - 3 = 7 left to cancel");
}

#[test]
fn cancel_of_unknown_or_cancelled_order_is_none() {
    let mut book = OrderBook::new();
    expect_eq!(book.cancel(42), None, "an unknown id is not resting");
    book.submit(1, Side::Sell, 100, 10);
    expect_eq!(book.cancel(1), Some(10), "the first cancel removes it");
    expect_eq!(book.cancel(1), None, "cancelling twice returns None");
}

#[test]
fn cancelled_order_does_not_trade() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 5);
    book.submit(2, Side::Sell, 100, 5);
    book.submit(3, Side::Sell, 100, 5);
    book.cancel(2);
    expect_eq!(
        book.best_ask(),
        Some((100, 10)),
        "the level holds 5 + 5 after the cancel"
    );
    expect_eq!(
        book.submit(4, Side::Buy, 100, 8),
        vec![fill(1, 4, 100, 5), fill(3, 4, 100, 3)],
        "the cancelled order 2 is skipped"
    );
}

#[test]
fn cancelling_a_whole_level_moves_the_best_price() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 100, 5);
    book.submit(2, Side::Buy, 100, 5);
    book.submit(3, Side::Buy, 99, 5);
    book.cancel(1);
    book.cancel(2);
    expect_eq!(
        book.best_bid(),
        Some((99, 5)),
        "with level 100 cancelled, 99 is the best bid"
    );
    expect_eq!(
        book.submit(4, Side::Sell, 99, 5),
        vec![fill(3, 4, 99, 5)],
        "a sell meets the bid at 99"
    );
}

#[test]
fn level_can_be_refilled_after_it_emptied() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Sell, 100, 5);
    book.cancel(1);
    book.submit(2, Side::Sell, 100, 3);
    expect_eq!(
        book.best_ask(),
        Some((100, 3)),
        "a new order at 100 starts the level again"
    );
    expect_eq!(
        book.submit(3, Side::Buy, 100, 5),
        vec![fill(2, 3, 100, 3)],
        "only the new order trades"
    );
}

#[test]
fn long_session_keeps_books_consistent() {
    let mut book = OrderBook::new();
    book.submit(1, Side::Buy, 95, 10);
    book.submit(2, Side::Buy, 96, 10);
    book.submit(3, Side::Sell, 98, 10);
    book.submit(4, Side::Sell, 97, 10);
    expect_eq!(
        book.submit(5, Side::Sell, 95, 25),
        vec![fill(2, 5, 96, 10), fill(1, 5, 95, 10)],
        "the sell takes 96 then 95, then 5 rest at 95"
    );
    expect_eq!(
        book.best_ask(),
        Some((95, 5)),
        "order 5's remainder is the new best ask"
    );
    expect_eq!(book.best_bid(), None, "all bids are gone");
    expect_eq!(
        book.submit(6, Side::Buy, 97, 20),
        vec![fill(5, 6, 95, 5), fill(4, 6, 97, 10)],
        "the buy takes 95 (order 5) then 97 (order 4), then 5 rest at 97"
    );
    expect_eq!(
        book.best_bid(),
        Some((97, 5)),
        "order 6's remainder is the best bid"
    );
    expect_eq!(book.best_ask(), Some((98, 10)), "order 3 is the best ask");
}

/// A permutation of 0..n (n not divisible by 7919), to visit orders out of arrival order.
fn scrambled(n: u64) -> impl Iterator<Item = u64> {
    (0..n).map(move |i| (i * 7919) % n)
}

#[test]
fn deep_book_matching_is_fast() {
    // 100,000 sells at 100,000 different prices, submitted in scrambled price order, then
    // 100,000 buys that each take the best one. Finding the best price by scanning the book
    // costs about 5 * 10^9 steps.
    let n = 100_000;
    let mut book = OrderBook::new();
    for (id, p) in scrambled(n).enumerate() {
        book.submit(id as u64, Side::Sell, 1_000_000 + p, 1);
    }
    expect_eq!(
        book.best_ask(),
        Some((1_000_000, 1)),
        "the lowest of the 100,000 asks"
    );
    for i in 0..n {
        let fills = book.submit(n + i, Side::Buy, 2_000_000, 1);
        if fills.len() != 1 || fills[0].price != 1_000_000 + i {
            expect!(
                false,
                "buy {} should take the ask at {}; got {:?}",
                i,
                1_000_000 + i,
                fills
            );
        }
    }
    expect_eq!(book.best_ask(), None, "every ask was taken");
}

#[test]
fn busy_price_level_is_fast() {
    // 350,000 sells at a single price, then 350,000 buys taking them one by one: removing the
    // front of a Vec each time costs about 6 * 10^10 element moves.
    let n = 350_000;
    let mut book = OrderBook::new();
    for id in 0..n {
        book.submit(id, Side::Sell, 500, 2);
    }
    expect_eq!(
        book.best_ask(),
        Some((500, 2 * n)),
        "350,000 sells of 2 at 500"
    );
    for i in 0..n {
        let fills = book.submit(n + i, Side::Buy, 500, 2);
        if fills.len() != 1 || fills[0].maker_id != i {
            expect!(
                false,
                "buy {} should take sell {} (time priority); got {:?}",
                i,
                i,
                fills
            );
        }
    }
    expect_eq!(book.best_ask(), None, "every sell was taken");
}

#[test]
fn cancelling_many_orders_is_fast() {
    // 350,000 buys at one price, cancelled in scrambled order, then a few at other prices:
    // searching the level (or the book) for each cancelled order costs about 6 * 10^10 steps.
    let n = 350_000;
    let mut book = OrderBook::new();
    for id in 0..n {
        book.submit(id, Side::Buy, 1_000, 1);
    }
    book.submit(n, Side::Buy, 999, 7);
    book.submit(n + 1, Side::Sell, 1_001, 3);
    expect_eq!(
        book.best_bid(),
        Some((1_000, n)),
        "350,000 buys of 1 at 1,000"
    );
    for id in scrambled(n) {
        if book.cancel(id) != Some(1) {
            expect!(
                false,
                "cancelling resting order {} should return Some(1)",
                id
            );
        }
    }
    expect_eq!(
        book.best_bid(),
        Some((999, 7)),
        "with level 1,000 cancelled, 999 is the best bid"
    );
    expect_eq!(book.order_qty(0), None, "cancelled orders are not resting");
    expect_eq!(book.cancel(n + 1), Some(3), "the sell cancels");
    expect_eq!(book.best_ask(), None, "no sell is left");
}
