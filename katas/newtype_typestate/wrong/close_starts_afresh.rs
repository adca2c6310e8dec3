//! `close` rebuilds the connection with `Connection::new`, losing what was sent and how often it was opened.

use std::collections::BTreeMap;
use std::marker::PhantomData;

/// Identifies a user. A distinct type from [`OrderId`], although both wrap a `u64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(pub u64);

/// Identifies an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrderId(pub u64);

struct Order {
    owner: UserId,
    item: String,
}

/// Users and their orders.
#[derive(Default)]
pub struct Store {
    users: BTreeMap<UserId, String>,
    orders: BTreeMap<OrderId, Order>,
}

impl Store {
    /// An empty store.
    pub fn new() -> Self {
        Store::default()
    }

    /// Adds a user; user ids are 1, 2, 3, ... in the order users are added.
    pub fn add_user(&mut self, name: &str) -> UserId {
        let id = UserId(self.users.len() as u64 + 1);
        self.users.insert(id, name.to_string());
        id
    }

    /// Places an order for an existing user; order ids are 1, 2, 3, ... counted separately from
    /// user ids. `None` (and nothing stored) if the user does not exist.
    pub fn place_order(&mut self, user: UserId, item: &str) -> Option<OrderId> {
        if !self.users.contains_key(&user) {
            return None;
        }
        let id = OrderId(self.orders.len() as u64 + 1);
        let order = Order {
            owner: user,
            item: item.to_string(),
        };
        self.orders.insert(id, order);
        Some(id)
    }

    /// The name of a user.
    pub fn user_name(&self, id: UserId) -> Option<&str> {
        self.users.get(&id).map(String::as_str)
    }

    /// Who placed an order.
    pub fn order_owner(&self, id: OrderId) -> Option<UserId> {
        self.orders.get(&id).map(|order| order.owner)
    }

    /// What an order is for.
    pub fn order_item(&self, id: OrderId) -> Option<&str> {
        self.orders.get(&id).map(|order| order.item.as_str())
    }

    /// A user's orders, in the order they were placed (empty for an unknown user).
    pub fn orders_of(&self, user: UserId) -> Vec<OrderId> {
        self.orders
            .iter()
            .filter(|(_, order)| order.owner == user)
            .map(|(&id, _)| id)
            .collect()
    }
}

/// The state of a connection that is not open: it cannot send.
pub struct Closed;

/// The state of an open connection.
pub struct Open;

/// A connection whose state (`Closed` or `Open`) is part of its type.
pub struct Connection<State> {
    addr: String,
    sent: Vec<String>,
    opened: u32,
    // Zero-sized: the state exists only at compile time.
    _state: PhantomData<State>,
}

impl Connection<Closed> {
    /// A new, closed connection to `addr`.
    pub fn new(addr: &str) -> Self {
        Connection {
            addr: addr.to_string(),
            sent: Vec::new(),
            opened: 0,
            _state: PhantomData,
        }
    }

    /// Opens the connection, consuming the closed one.
    pub fn open(self) -> Connection<Open> {
        Connection {
            addr: self.addr,
            sent: self.sent,
            opened: self.opened + 1,
            _state: PhantomData,
        }
    }
}

impl Connection<Open> {
    /// Sends a message (recorded in [`Connection::sent`]).
    pub fn send(&mut self, msg: &str) {
        self.sent.push(msg.to_string());
    }

    /// Closes the connection, consuming the open one.
    pub fn close(self) -> Connection<Closed> {
        Connection::new(&self.addr)
    }
}

impl<State> Connection<State> {
    /// The address given to `new`.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// Every message sent since `new`, across all the times the connection was opened.
    pub fn sent(&self) -> &[String] {
        &self.sent
    }

    /// How many times the connection has been opened.
    pub fn times_opened(&self) -> u32 {
        self.opened
    }
}
