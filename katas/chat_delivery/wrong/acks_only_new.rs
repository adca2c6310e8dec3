//! The inbox acks only the messages it shows, so a redelivered duplicate is never acked and comes back forever.

use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: u64,
    pub from: String,
    pub to: String,
    pub body: String,
}

#[derive(Debug)]
struct Pending {
    message: Message,
    delivered_at: Option<u64>,
}

#[derive(Debug)]
pub struct ChatServer {
    timeout: u64,
    last_id: u64,
    mailboxes: HashMap<String, BTreeMap<u64, Pending>>,
}

impl ChatServer {
    pub fn new(redelivery_timeout: u64) -> Self {
        Self {
            timeout: redelivery_timeout,
            last_id: 0,
            mailboxes: HashMap::new(),
        }
    }

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

    pub fn poll(&mut self, user: &str, now: u64) -> Vec<Message> {
        let Some(mailbox) = self.mailboxes.get_mut(user) else {
            return Vec::new();
        };
        let timeout = self.timeout;
        let mut due = Vec::new();
        for pending in mailbox.values_mut() {
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

    pub fn ack(&mut self, user: &str, id: u64) -> bool {
        self.mailboxes
            .get_mut(user)
            .is_some_and(|mailbox| mailbox.remove(&id).is_some())
    }

    pub fn unacked(&self, user: &str) -> usize {
        self.mailboxes.get(user).map_or(0, BTreeMap::len)
    }
}

#[derive(Debug, Default)]
pub struct Inbox {
    seen: HashSet<u64>,
    shown: Vec<Message>,
}

impl Inbox {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn receive(&mut self, batch: Vec<Message>) -> Vec<u64> {
        let mut to_ack = Vec::with_capacity(batch.len());
        for message in batch {
            if self.seen.insert(message.id) {
                to_ack.push(message.id);
                self.shown.push(message);
            }
        }
        to_ack
    }

    pub fn shown(&self) -> &[Message] {
        &self.shown
    }
}
