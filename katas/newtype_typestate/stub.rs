//! Newtypes and typestate: see the task statement (`kata hint newtype_typestate` when stuck).

use std::marker::PhantomData;

/// Identifies a user. A distinct type from [`OrderId`], although both wrap a `u64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(pub u64);

/// Identifies an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrderId(pub u64);

/// Users and their orders.
pub struct Store {
    // Your fields here.
}

impl Store {
    /// An empty store.
    pub fn new() -> Self {
        todo!()
    }

    /// Adds a user; user ids are 1, 2, 3, ... in the order users are added.
    pub fn add_user(&mut self, name: &str) -> UserId {
        let _ = name;
        todo!()
    }

    /// Places an order for an existing user; order ids are 1, 2, 3, ... counted separately from
    /// user ids. `None` (and nothing stored) if the user does not exist.
    pub fn place_order(&mut self, user: UserId, item: &str) -> Option<OrderId> {
        let _ = (user, item);
        todo!()
    }

    /// The name of a user.
    pub fn user_name(&self, id: UserId) -> Option<&str> {
        let _ = id;
        todo!()
    }

    /// Who placed an order.
    pub fn order_owner(&self, id: OrderId) -> Option<UserId> {
        let _ = id;
        todo!()
    }

    /// What an order is for.
    pub fn order_item(&self, id: OrderId) -> Option<&str> {
        let _ = id;
        todo!()
    }

    /// A user's orders, in the order they were placed (empty for an unknown user).
    pub fn orders_of(&self, user: UserId) -> Vec<OrderId> {
        let _ = user;
        todo!()
    }
}

/// The state of a connection that is not open: it cannot send.
pub struct Closed;

/// The state of an open connection.
pub struct Open;

/// A connection whose state (`Closed` or `Open`) is part of its type.
pub struct Connection<State> {
    addr: String,
    _state: PhantomData<State>,
}

impl Connection<Closed> {
    /// A new, closed connection to `addr`.
    pub fn new(addr: &str) -> Self {
        let _ = addr;
        todo!()
    }
}

// TODO: every method below is available in EVERY state, so a closed connection can send and an
// open one can be opened again. Move each into an impl block for the state it belongs to.
impl<State> Connection<State> {
    /// Opens the connection, consuming the closed one.
    pub fn open(self) -> Connection<Open> {
        todo!()
    }

    /// Sends a message (recorded in `sent`).
    pub fn send(&mut self, msg: &str) {
        let _ = msg;
        todo!()
    }

    /// Closes the connection, consuming the open one.
    pub fn close(self) -> Connection<Closed> {
        todo!()
    }

    /// The address given to `new`.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// Every message sent since `new`, across all the times the connection was opened.
    pub fn sent(&self) -> &[String] {
        todo!()
    }

    /// How many times the connection has been opened.
    pub fn times_opened(&self) -> u32 {
        todo!()
    }
}
