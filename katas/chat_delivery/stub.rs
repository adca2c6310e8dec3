//! Chat delivery: see the task statement (`kata hint chat_delivery` when stuck).

/// One chat message; `id` is unique across the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: u64,
    pub from: String,
    pub to: String,
    pub body: String,
}

/// Per-user mailboxes with at-least-once redelivery.
pub struct ChatServer {
    // Your fields here.
}

impl ChatServer {
    /// A server that redelivers an unacked message `redelivery_timeout` after its last delivery.
    pub fn new(redelivery_timeout: u64) -> Self {
        let _ = redelivery_timeout;
        todo!("create the server")
    }

    /// Puts a message into `to`'s mailbox and returns its id (1, 2, 3, ... across the server).
    pub fn send(&mut self, from: &str, to: &str, body: &str) -> u64 {
        let _ = (from, to, body);
        todo!("store the message")
    }

    /// Returns `user`'s due messages in id order and records them as delivered at `now`.
    pub fn poll(&mut self, user: &str, now: u64) -> Vec<Message> {
        let _ = (user, now);
        todo!("deliver due messages")
    }

    /// Removes message `id` from `user`'s mailbox; `false` if it is not there.
    pub fn ack(&mut self, user: &str, id: u64) -> bool {
        let _ = (user, id);
        todo!("acknowledge a message")
    }

    /// The number of messages in `user`'s mailbox, delivered or not.
    pub fn unacked(&self, user: &str) -> usize {
        let _ = user;
        todo!("count unacked messages")
    }
}

/// The receiving client: shows each message once, acks everything it receives.
pub struct Inbox {
    // Your fields here.
}

impl Inbox {
    /// An inbox that has shown nothing yet.
    pub fn new() -> Self {
        todo!("create the inbox")
    }

    /// Shows the messages of `batch` not shown before; returns every id in the batch, to ack.
    pub fn receive(&mut self, batch: Vec<Message>) -> Vec<u64> {
        let _ = batch;
        todo!("receive a batch")
    }

    /// The messages shown so far, in the order they were first received.
    pub fn shown(&self) -> &[Message] {
        todo!("list the shown messages")
    }
}

impl Default for Inbox {
    fn default() -> Self {
        Self::new()
    }
}
