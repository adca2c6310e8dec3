//! The store keeps users and orders in `Vec`s (id `n` at index `n - 1`, looked up with
//! `checked_sub`), and the connection holds its state as a zero-sized value instead of a
//! `PhantomData`.

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

/// Users and orders in `Vec`s: id `n` is at index `n - 1`.
pub struct Store {
    users: Vec<String>,
    orders: Vec<Order>,
}

fn index(n: u64) -> Option<usize> {
    usize::try_from(n.checked_sub(1)?).ok()
}

impl Store {
    pub fn new() -> Self {
        Store {
            users: Vec::new(),
            orders: Vec::new(),
        }
    }

    pub fn add_user(&mut self, name: &str) -> UserId {
        self.users.push(name.to_owned());
        UserId(self.users.len() as u64)
    }

    pub fn place_order(&mut self, user: UserId, item: &str) -> Option<OrderId> {
        self.user_name(user)?;
        self.orders.push(Order {
            owner: user,
            item: item.to_owned(),
        });
        Some(OrderId(self.orders.len() as u64))
    }

    pub fn user_name(&self, id: UserId) -> Option<&str> {
        self.users.get(index(id.0)?).map(|s| s.as_str())
    }

    fn order(&self, id: OrderId) -> Option<&Order> {
        self.orders.get(index(id.0)?)
    }

    pub fn order_owner(&self, id: OrderId) -> Option<UserId> {
        self.order(id).map(|o| o.owner)
    }

    pub fn order_item(&self, id: OrderId) -> Option<&str> {
        self.order(id).map(|o| o.item.as_str())
    }

    pub fn orders_of(&self, user: UserId) -> Vec<OrderId> {
        (1..=self.orders.len() as u64)
            .map(OrderId)
            .filter(|&id| self.order_owner(id) == Some(user))
            .collect()
    }
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

pub struct Closed;

/// The state of an open connection.
pub struct Open;

/// A connection whose state (`Closed` or `Open`) is part of its type.
pub struct Connection<State> {
    addr: String,
    sent: Vec<String>,
    opened: u32,
    // The state is a zero-sized value of the state type itself.
    state: State,
}

impl Connection<Closed> {
    pub fn new(addr: &str) -> Self {
        Connection {
            addr: addr.to_owned(),
            sent: Vec::new(),
            opened: 0,
            state: Closed,
        }
    }

    pub fn open(self) -> Connection<Open> {
        let Connection {
            addr, sent, opened, ..
        } = self;
        Connection {
            addr,
            sent,
            opened: opened + 1,
            state: Open,
        }
    }
}

impl Connection<Open> {
    pub fn send(&mut self, msg: &str) {
        self.sent.push(msg.to_owned());
    }

    pub fn close(self) -> Connection<Closed> {
        let Connection {
            addr, sent, opened, ..
        } = self;
        Connection {
            addr,
            sent,
            opened,
            state: Closed,
        }
    }
}

impl<State> Connection<State> {
    pub fn addr(&self) -> &str {
        &self.addr
    }

    pub fn sent(&self) -> &[String] {
        &self.sent
    }

    pub fn times_opened(&self) -> u32 {
        let _ = &self.state;
        self.opened
    }
}
