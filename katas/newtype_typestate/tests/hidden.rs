use kata_assert::{expect, expect_eq};
use newtype_typestate::{Closed, Connection, Open, OrderId, Store, UserId};
use std::any::TypeId;
use std::collections::HashSet;

// Probes for methods that must NOT exist. Method lookup prefers an inherent method over a trait
// method, so a call resolves to the fallback below only if the crate has no such method for
// that state; the fallback returns `Missing`.
struct Missing;

trait Found {
    fn found(&self) -> bool;
}

impl Found for Missing {
    fn found(&self) -> bool {
        false
    }
}

impl Found for () {
    fn found(&self) -> bool {
        true
    }
}

impl<S> Found for Connection<S> {
    fn found(&self) -> bool {
        true
    }
}

trait FallbackSend {
    fn send(&mut self, _msg: &str) -> Missing {
        Missing
    }
}
impl FallbackSend for Connection<Closed> {}

trait FallbackOpen: Sized {
    fn open(self) -> Missing {
        Missing
    }
}
impl FallbackOpen for Connection<Open> {}

trait FallbackClose: Sized {
    fn close(self) -> Missing {
        Missing
    }
}
impl FallbackClose for Connection<Closed> {}

fn sent(conn: &Connection<impl Sized>) -> Vec<&str> {
    conn.sent().iter().map(String::as_str).collect()
}

#[test]
fn user_ids_count_from_one_in_order_of_adding() {
    let mut store = Store::new();
    expect_eq!(
        store.add_user("ada"),
        UserId(1),
        "the first user gets UserId(1)"
    );
    expect_eq!(
        store.add_user("bob"),
        UserId(2),
        "the second user gets UserId(2)"
    );
    expect_eq!(
        store.add_user("cy"),
        UserId(3),
        "the third user gets UserId(3)"
    );
}

#[test]
fn user_name_finds_known_users_only() {
    let mut store = Store::new();
    let ada = store.add_user("ada");
    let bob = store.add_user("bob");
    expect_eq!(
        store.user_name(ada),
        Some("ada"),
        "user_name of the first user"
    );
    expect_eq!(
        store.user_name(bob),
        Some("bob"),
        "user_name of the second user"
    );
    expect_eq!(store.user_name(UserId(3)), None, "no user has id 3 yet");
    expect_eq!(
        store.user_name(UserId(0)),
        None,
        "ids start at 1, so UserId(0) is unknown"
    );
}

#[test]
fn order_ids_count_from_one_separately_from_user_ids() {
    let mut store = Store::new();
    store.add_user("ada");
    store.add_user("bob");
    let cy = store.add_user("cy");
    expect_eq!(
        store.place_order(cy, "lamp"),
        Some(OrderId(1)),
        "the first order gets OrderId(1), whatever the user ids so far"
    );
    expect_eq!(
        store.place_order(UserId(1), "desk"),
        Some(OrderId(2)),
        "the second order gets OrderId(2)"
    );
}

#[test]
fn order_for_an_unknown_user_is_refused_and_not_stored() {
    let mut store = Store::new();
    expect_eq!(
        store.place_order(UserId(1), "book"),
        None,
        "there are no users yet, so the order is refused"
    );
    let ada = store.add_user("ada");
    expect_eq!(
        store.place_order(UserId(2), "book"),
        None,
        "UserId(2) does not exist"
    );
    expect_eq!(
        store.order_owner(OrderId(1)),
        None,
        "a refused order is not stored"
    );
    expect_eq!(
        store.place_order(ada, "pen"),
        Some(OrderId(1)),
        "refused orders use no id: the first stored order is OrderId(1)"
    );
}

#[test]
fn order_owner_and_item_describe_the_order() {
    let mut store = Store::new();
    let ada = store.add_user("ada");
    let bob = store.add_user("bob");
    let pen = store.place_order(bob, "pen").unwrap();
    let ink = store.place_order(ada, "ink").unwrap();
    expect_eq!(
        store.order_owner(pen),
        Some(bob),
        "bob placed the pen order"
    );
    expect_eq!(
        store.order_item(pen),
        Some("pen"),
        "the pen order is for a pen"
    );
    expect_eq!(
        store.order_owner(ink),
        Some(ada),
        "ada placed the ink order"
    );
    expect_eq!(
        store.order_item(ink),
        Some("ink"),
        "the ink order is for ink"
    );
    expect_eq!(
        store.order_owner(OrderId(3)),
        None,
        "there is no third order"
    );
    expect_eq!(
        store.order_item(OrderId(3)),
        None,
        "there is no third order"
    );
    expect_eq!(
        store.order_owner(OrderId(0)),
        None,
        "order ids start at 1, so OrderId(0) is unknown"
    );
    expect_eq!(
        store.order_item(OrderId(0)),
        None,
        "order ids start at 1, so OrderId(0) is unknown"
    );
    expect_eq!(
        store.order_owner(OrderId(u64::MAX)),
        None,
        "OrderId(u64::MAX) was never issued"
    );
}

#[test]
fn the_same_number_means_different_things_as_user_and_order_id() {
    let mut store = Store::new();
    let ada = store.add_user("ada");
    let bob = store.add_user("bob");
    store.place_order(bob, "pen").unwrap();
    // UserId(1) is ada; OrderId(1) is bob's pen order.
    expect_eq!(store.user_name(UserId(1)), Some("ada"), "UserId(1) is ada");
    expect_eq!(
        store.order_owner(OrderId(1)),
        Some(bob),
        "OrderId(1) was placed by bob (UserId(2))"
    );
    expect_eq!(
        store.orders_of(ada),
        vec![],
        "ada (UserId(1)) has no orders, although an OrderId(1) exists"
    );
}

#[test]
fn orders_of_lists_a_users_orders_in_placing_order() {
    let mut store = Store::new();
    let ada = store.add_user("ada");
    let bob = store.add_user("bob");
    let a1 = store.place_order(ada, "a").unwrap();
    let b1 = store.place_order(bob, "b").unwrap();
    let a2 = store.place_order(ada, "c").unwrap();
    let a3 = store.place_order(ada, "d").unwrap();
    expect_eq!(
        store.orders_of(ada),
        vec![a1, a2, a3],
        "ada's orders, in the order she placed them"
    );
    expect_eq!(store.orders_of(bob), vec![b1], "bob's one order");
    expect_eq!(
        store.orders_of(UserId(9)),
        vec![],
        "an unknown user has no orders"
    );
}

#[test]
fn user_and_order_ids_are_distinct_types() {
    expect!(
        TypeId::of::<UserId>() != TypeId::of::<OrderId>(),
        "UserId and OrderId must be two different types (newtypes), not one type under two names"
    );
}

#[test]
fn ids_are_copy_comparable_and_hashable() {
    let id = UserId(7);
    let copy = id;
    expect_eq!(id, copy, "UserId is Copy and Eq");
    expect!(
        UserId(1) < UserId(2) && OrderId(3) > OrderId(2),
        "ids are ordered by their number"
    );
    let set: HashSet<OrderId> = [OrderId(1), OrderId(2), OrderId(1)].into_iter().collect();
    expect_eq!(
        set.len(),
        2,
        "OrderId is Hash + Eq: two distinct ids in the set"
    );
    expect_eq!(UserId(5).0, 5, "the number inside is public");
}

#[test]
fn new_connection_is_closed_with_nothing_sent() {
    let conn: Connection<Closed> = Connection::new("db.internal:5432");
    expect_eq!(
        conn.addr(),
        "db.internal:5432",
        "addr() is the address given to new"
    );
    expect_eq!(sent(&conn), Vec::<&str>::new(), "nothing has been sent yet");
    expect_eq!(
        conn.times_opened(),
        0,
        "a new connection has never been opened"
    );
}

#[test]
fn open_connection_sends_messages_in_order() {
    let mut conn: Connection<Open> = Connection::new("cache:6379").open();
    conn.send("PING");
    conn.send("GET key");
    conn.send("");
    expect_eq!(
        sent(&conn),
        vec!["PING", "GET key", ""],
        "sent() lists the messages in the order sent"
    );
    expect_eq!(conn.times_opened(), 1, "opened once");
    expect_eq!(conn.addr(), "cache:6379", "open keeps the address");
}

#[test]
fn closing_and_reopening_keeps_the_history() {
    let mut conn = Connection::new("mq:5672").open();
    conn.send("one");
    let closed: Connection<Closed> = conn.close();
    expect_eq!(
        sent(&closed),
        vec!["one"],
        "a closed connection still reports what was sent before"
    );
    expect_eq!(
        closed.times_opened(),
        1,
        "closing does not change the count of openings"
    );
    expect_eq!(closed.addr(), "mq:5672", "close keeps the address");
    let mut conn = closed.open();
    conn.send("two");
    expect_eq!(
        sent(&conn),
        vec!["one", "two"],
        "sent() covers every opening since new"
    );
    expect_eq!(conn.times_opened(), 2, "opened twice");
    let closed = conn.close().open().close();
    expect_eq!(closed.times_opened(), 3, "opened three times");
    expect_eq!(
        sent(&closed),
        vec!["one", "two"],
        "the history survives every transition"
    );
}

#[test]
fn closed_connection_has_no_send_method() {
    let mut closed = Connection::new("db");
    let outcome = closed.send("must not compile for real users");
    expect!(
        !outcome.found(),
        "Connection<Closed> must have no `send` method (put `send` in `impl Connection<Open>` only)"
    );
    expect_eq!(
        sent(&closed),
        Vec::<&str>::new(),
        "nothing was sent on the closed connection"
    );
}

#[test]
fn open_connection_has_no_open_method() {
    let open = Connection::new("db").open();
    let outcome = open.open();
    expect!(
        !outcome.found(),
        "Connection<Open> must have no `open` method (put `open` in `impl Connection<Closed>` only)"
    );
}

#[test]
fn closed_connection_has_no_close_method() {
    let closed = Connection::new("db");
    let outcome = closed.close();
    expect!(
        !outcome.found(),
        "Connection<Closed> must have no `close` method (put `close` in `impl Connection<Open>` only)"
    );
}
