//! Each mailbox is a `Vec` in id order (ids only grow, so `send` appends); the due test is
//! written as "not before `t + timeout`" with `checked_add`. The inbox remembers shown ids in a
//! `BTreeSet`.

use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: u64,
    pub from: String,
    pub to: String,
    pub body: String,
}

pub struct ChatServer {
    timeout: u64,
    next_id: u64,
    mailboxes: HashMap<String, Vec<(Message, Option<u64>)>>,
}

impl ChatServer {
    pub fn new(redelivery_timeout: u64) -> Self {
        ChatServer {
            timeout: redelivery_timeout,
            next_id: 1,
            mailboxes: HashMap::new(),
        }
    }

    pub fn send(&mut self, from: &str, to: &str, body: &str) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let message = Message {
            id,
            from: from.to_string(),
            to: to.to_string(),
            body: body.to_string(),
        };
        self.mailboxes
            .entry(to.to_string())
            .or_default()
            .push((message, None));
        id
    }

    pub fn poll(&mut self, user: &str, now: u64) -> Vec<Message> {
        let timeout = self.timeout;
        let mut out = Vec::new();
        for (message, last) in self.mailboxes.get_mut(user).into_iter().flatten() {
            let due = match *last {
                None => true,
                Some(t) => match t.checked_add(timeout) {
                    Some(deadline) => now >= deadline,
                    None => false,
                },
            };
            if due {
                *last = Some(now);
                out.push(message.clone());
            }
        }
        out
    }

    pub fn ack(&mut self, user: &str, id: u64) -> bool {
        let Some(mailbox) = self.mailboxes.get_mut(user) else {
            return false;
        };
        match mailbox.binary_search_by_key(&id, |(m, _)| m.id) {
            Ok(at) => {
                mailbox.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn unacked(&self, user: &str) -> usize {
        self.mailboxes.get(user).map_or(0, Vec::len)
    }
}

#[derive(Default)]
pub struct Inbox {
    shown_ids: BTreeSet<u64>,
    shown: Vec<Message>,
}

impl Inbox {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn receive(&mut self, batch: Vec<Message>) -> Vec<u64> {
        let ids = batch.iter().map(|m| m.id).collect();
        for message in batch {
            if !self.shown_ids.contains(&message.id) {
                self.shown_ids.insert(message.id);
                self.shown.push(message);
            }
        }
        ids
    }

    pub fn shown(&self) -> &[Message] {
        &self.shown
    }
}
