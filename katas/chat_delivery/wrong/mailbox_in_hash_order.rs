//! Keeps each mailbox in a `HashMap` keyed by id, so `poll` returns the due messages in the
//! map's arbitrary order instead of increasing id order.

use std::collections::{HashMap, HashSet};

/// One chat message; `id` is unique across the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: u64,
    pub from: String,
    pub to: String,
    pub body: String,
}

/// A message waiting for its ack.
#[derive(Debug)]
struct Pending {
    message: Message,
    /// When it was last handed out; `None` until the first delivery.
    delivered_at: Option<u64>,
}

/// Per-user mailboxes with at-least-once redelivery.
#[derive(Debug)]
pub struct ChatServer {
    timeout: u64,
    last_id: u64,
    /// Each user's unacked messages, keyed by id so that iteration is in id order.
    mailboxes: HashMap<String, HashMap<u64, Pending>>,
}

impl ChatServer {
    /// A server that redelivers an unacked message `redelivery_timeout` after its last delivery.
    pub fn new(redelivery_timeout: u64) -> Self {
        Self {
            timeout: redelivery_timeout,
            last_id: 0,
            mailboxes: HashMap::new(),
        }
    }

    /// Puts a message into `to`'s mailbox and returns its id (1, 2, 3, ... across the server).
    pub fn send(&mut self, from: &str, to: &str, body: &str) -> u64 {
        self.last_id += 1;
        let message = Message {
            id: self.last_id,
            from: from.to_owned(),
            to: to.to_owned(),
            body: body.to_owned(),
        };
        let pending = Pending {
            message,
            delivered_at: None,
        };
        self.mailboxes
            .entry(to.to_owned())
            .or_default()
            .insert(self.last_id, pending);
        self.last_id
    }

    /// Returns `user`'s due messages in id order and records them as delivered at `now`.
    pub fn poll(&mut self, user: &str, now: u64) -> Vec<Message> {
        let Some(mailbox) = self.mailboxes.get_mut(user) else {
            return Vec::new();
        };
        let timeout = self.timeout;
        let mut due = Vec::new();
        for pending in mailbox.values_mut() {
            // `t + timeout` past `u64::MAX` is never reached; comparing by addition also keeps a
            // clock that went backwards (`now < t`) from underflowing.
            let is_due = match pending.delivered_at {
                None => true,
                Some(t) => t.checked_add(timeout).is_some_and(|at| now >= at),
            };
            if is_due {
                pending.delivered_at = Some(now);
                due.push(pending.message.clone());
            }
        }
        due
    }

    /// Removes message `id` from `user`'s mailbox; `false` if it is not there.
    pub fn ack(&mut self, user: &str, id: u64) -> bool {
        self.mailboxes
            .get_mut(user)
            .is_some_and(|mailbox| mailbox.remove(&id).is_some())
    }

    /// The number of messages in `user`'s mailbox, delivered or not.
    pub fn unacked(&self, user: &str) -> usize {
        self.mailboxes.get(user).map_or(0, HashMap::len)
    }
}

/// The receiving client: shows each message once, acks everything it receives.
#[derive(Debug, Default)]
pub struct Inbox {
    seen: HashSet<u64>,
    shown: Vec<Message>,
}

impl Inbox {
    /// An inbox that has shown nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Shows the messages of `batch` not shown before; returns every id in the batch, to ack.
    pub fn receive(&mut self, batch: Vec<Message>) -> Vec<u64> {
        let mut to_ack = Vec::with_capacity(batch.len());
        for message in batch {
            // A duplicate is still acked: its first ack may be the one that got lost.
            to_ack.push(message.id);
            if self.seen.insert(message.id) {
                self.shown.push(message);
            }
        }
        to_ack
    }

    /// The messages shown so far, in the order they were first received.
    pub fn shown(&self) -> &[Message] {
        &self.shown
    }
}
