use chat_delivery::{ChatServer, Inbox, Message};
use kata_assert::{expect, expect_eq};

fn ids(batch: &[Message]) -> Vec<u64> {
    batch.iter().map(|m| m.id).collect()
}

fn msg(id: u64, from: &str, to: &str, body: &str) -> Message {
    Message {
        id,
        from: from.to_string(),
        to: to.to_string(),
        body: body.to_string(),
    }
}

// ---------- send ----------

#[test]
fn ids_count_up_across_the_whole_server() {
    let mut s = ChatServer::new(10);
    expect_eq!(
        s.send("alice", "bob", "a"),
        1,
        "the first message gets id 1"
    );
    expect_eq!(
        s.send("carol", "dave", "b"),
        2,
        "ids are counted across all users"
    );
    expect_eq!(
        s.send("alice", "bob", "c"),
        3,
        "the third message gets id 3"
    );
}

#[test]
fn poll_returns_the_full_message() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "hello bob");
    expect_eq!(
        s.poll("bob", 0),
        vec![msg(1, "alice", "bob", "hello bob")],
        "bob's poll returns alice's message with its id, sender, recipient and body"
    );
}

#[test]
fn mailboxes_are_per_user() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "for bob");
    s.send("bob", "carol", "for carol");
    s.send("alice", "bob", "for bob again");
    expect_eq!(
        ids(&s.poll("carol", 0)),
        vec![2],
        "carol only gets the message sent to her"
    );
    expect_eq!(
        ids(&s.poll("bob", 0)),
        vec![1, 3],
        "bob gets his two messages"
    );
    expect_eq!(s.poll("alice", 0), vec![], "alice was sent nothing");
}

#[test]
fn unknown_user_polls_nothing() {
    let mut s = ChatServer::new(10);
    expect_eq!(
        s.poll("nobody", 0),
        vec![],
        "a user with no mailbox gets an empty Vec"
    );
    expect_eq!(
        s.unacked("nobody"),
        0,
        "a user with no mailbox has nothing unacked"
    );
}

#[test]
fn sending_to_yourself_works() {
    let mut s = ChatServer::new(10);
    s.send("alice", "alice", "note to self");
    expect_eq!(
        ids(&s.poll("alice", 0)),
        vec![1],
        "a message to yourself lands in your mailbox"
    );
}

#[test]
fn poll_returns_messages_in_id_order() {
    let mut s = ChatServer::new(10);
    for i in 0..20 {
        s.send(
            if i % 2 == 0 { "alice" } else { "carol" },
            "bob",
            &format!("m{i}"),
        );
    }
    expect_eq!(
        ids(&s.poll("bob", 0)),
        (1..=20).collect::<Vec<u64>>(),
        "due messages come in increasing id order"
    );
}

// ---------- at-least-once ----------

#[test]
fn a_delivered_message_stays_until_acked() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "hi");
    s.poll("bob", 0);
    expect_eq!(
        s.unacked("bob"),
        1,
        "polling does not remove a message; only an ack does"
    );
}

#[test]
fn not_redelivered_before_the_timeout() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "hi");
    s.poll("bob", 100);
    expect_eq!(
        s.poll("bob", 100),
        vec![],
        "polling again at the same time: not due yet"
    );
    expect_eq!(
        s.poll("bob", 109),
        vec![],
        "delivered at 100 with timeout 10: not due at 109"
    );
}

#[test]
fn redelivered_exactly_at_the_timeout() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "hi");
    s.poll("bob", 100);
    expect_eq!(
        ids(&s.poll("bob", 110)),
        vec![1],
        "delivered at 100 with timeout 10: due again at 110"
    );
}

#[test]
fn lost_delivery_is_redelivered() {
    let mut s = ChatServer::new(5);
    s.send("alice", "bob", "one");
    s.send("alice", "bob", "two");
    let _lost = s.poll("bob", 0);
    expect_eq!(
        ids(&s.poll("bob", 5)),
        vec![1, 2],
        "unacked messages come back after the timeout"
    );
}

#[test]
fn redelivery_timer_restarts_at_each_delivery() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "hi");
    s.poll("bob", 0);
    expect_eq!(ids(&s.poll("bob", 10)), vec![1], "due again at 0 + 10");
    expect_eq!(
        s.poll("bob", 15),
        vec![],
        "redelivered at 10, so not due again until 20"
    );
    expect_eq!(ids(&s.poll("bob", 20)), vec![1], "due again at 10 + 10");
}

#[test]
fn new_and_redelivered_messages_come_together_in_id_order() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "old");
    s.poll("bob", 0);
    s.send("alice", "bob", "new");
    expect_eq!(
        ids(&s.poll("bob", 5)),
        vec![2],
        "at 5 only the new message is due"
    );
    s.send("alice", "bob", "newer");
    expect_eq!(
        ids(&s.poll("bob", 10)),
        vec![1, 3],
        "at 10 the first message is due again and the third is new; message 2 waits until 15"
    );
}

#[test]
fn zero_timeout_redelivers_on_every_poll() {
    let mut s = ChatServer::new(0);
    s.send("alice", "bob", "hi");
    expect_eq!(ids(&s.poll("bob", 7)), vec![1], "first delivery");
    expect_eq!(
        ids(&s.poll("bob", 7)),
        vec![1],
        "timeout 0: due again at once"
    );
}

#[test]
fn acked_messages_are_never_redelivered() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "one");
    s.send("alice", "bob", "two");
    s.poll("bob", 0);
    expect!(s.ack("bob", 1), "acking a delivered message returns true");
    expect_eq!(
        ids(&s.poll("bob", 10)),
        vec![2],
        "only the unacked message comes back"
    );
    expect_eq!(s.unacked("bob"), 1, "one message is still unacked");
}

#[test]
fn ack_before_delivery_removes_the_message() {
    let mut s = ChatServer::new(10);
    let id = s.send("alice", "bob", "hi");
    expect!(
        s.ack("bob", id),
        "a message in bob's mailbox can be acked by bob"
    );
    expect_eq!(s.poll("bob", 0), vec![], "an acked message is gone");
}

#[test]
fn ack_of_unknown_or_repeated_id_is_false() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "hi");
    s.poll("bob", 0);
    expect!(!s.ack("bob", 99), "id 99 was never sent: ack returns false");
    expect!(!s.ack("bob", 0), "id 0 is never used: ack returns false");
    expect!(s.ack("bob", 1), "the first ack of message 1 returns true");
    expect!(!s.ack("bob", 1), "acking message 1 again returns false");
}

#[test]
fn acking_another_users_message_changes_nothing() {
    let mut s = ChatServer::new(10);
    let for_bob = s.send("alice", "bob", "for bob");
    s.send("alice", "carol", "for carol");
    expect!(
        !s.ack("carol", for_bob),
        "carol cannot ack a message in bob's mailbox"
    );
    expect!(!s.ack("alice", for_bob), "the sender cannot ack it either");
    expect_eq!(
        s.unacked("bob"),
        1,
        "bob's message is still waiting for bob's ack"
    );
    expect_eq!(
        ids(&s.poll("bob", 0)),
        vec![for_bob],
        "bob still gets his message"
    );
}

#[test]
fn unacked_counts_delivered_and_undelivered() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "a");
    s.send("alice", "bob", "b");
    s.poll("bob", 0);
    s.send("alice", "bob", "c");
    expect_eq!(
        s.unacked("bob"),
        3,
        "two delivered and one new message are all unacked"
    );
    s.ack("bob", 2);
    expect_eq!(s.unacked("bob"), 2, "after acking one, two remain");
}

// ---------- clocks ----------

#[test]
fn clock_going_backwards_does_not_redeliver_or_panic() {
    let mut s = ChatServer::new(10);
    s.send("alice", "bob", "hi");
    s.poll("bob", 1000);
    expect_eq!(
        s.poll("bob", 5),
        vec![],
        "now = 5 is before the delivery at 1000: not due"
    );
    expect_eq!(s.poll("bob", 0), vec![], "now = 0: not due");
    expect_eq!(ids(&s.poll("bob", 1010)), vec![1], "due at 1000 + 10");
}

#[test]
fn clock_going_backwards_with_zero_timeout_is_not_due() {
    let mut s = ChatServer::new(0);
    s.send("alice", "bob", "hi");
    s.poll("bob", 100);
    expect_eq!(
        s.poll("bob", 50),
        vec![],
        "timeout 0, delivered at 100: now = 50 is before 100 + 0, so not due"
    );
    expect_eq!(ids(&s.poll("bob", 100)), vec![1], "due at 100 + 0");
}

#[test]
fn huge_timeout_never_redelivers_and_does_not_overflow() {
    let mut s = ChatServer::new(u64::MAX);
    s.send("alice", "bob", "hi");
    s.poll("bob", 5);
    expect_eq!(
        s.poll("bob", 1 << 40),
        vec![],
        "5 + u64::MAX is beyond any time: never due again"
    );
    expect_eq!(
        s.poll("bob", u64::MAX - 1),
        vec![],
        "still not due near the end of time"
    );
}

// ---------- inbox ----------

#[test]
fn inbox_shows_new_messages_in_order() {
    let mut inbox = Inbox::new();
    expect_eq!(inbox.shown(), &[][..], "a new inbox has shown nothing");
    let batch = vec![msg(1, "a", "b", "x"), msg(2, "a", "b", "y")];
    inbox.receive(batch.clone());
    expect_eq!(
        inbox.shown(),
        &batch[..],
        "both messages are shown, in batch order"
    );
}

#[test]
fn inbox_shows_a_redelivered_message_once() {
    let mut inbox = Inbox::new();
    inbox.receive(vec![msg(1, "a", "b", "x")]);
    inbox.receive(vec![msg(1, "a", "b", "x"), msg(2, "a", "b", "y")]);
    expect_eq!(
        ids(inbox.shown()),
        vec![1, 2],
        "message 1 arrived twice but is shown once"
    );
}

#[test]
fn inbox_dedups_within_one_batch() {
    let mut inbox = Inbox::new();
    inbox.receive(vec![msg(4, "a", "b", "x"), msg(4, "a", "b", "x")]);
    expect_eq!(
        ids(inbox.shown()),
        vec![4],
        "the same id twice in one batch is shown once"
    );
}

#[test]
fn inbox_acks_every_message_including_duplicates() {
    let mut inbox = Inbox::new();
    expect_eq!(
        inbox.receive(vec![msg(1, "a", "b", "x")]),
        vec![1],
        "ack the new message"
    );
    expect_eq!(
        inbox.receive(vec![msg(1, "a", "b", "x"), msg(2, "a", "b", "y")]),
        vec![1, 2],
        "the duplicate is acked too (its first ack may have been lost), in batch order"
    );
    expect_eq!(inbox.receive(vec![]), vec![], "an empty batch acks nothing");
}

#[test]
fn inbox_dedups_by_id_not_by_text() {
    let mut inbox = Inbox::new();
    inbox.receive(vec![msg(1, "a", "b", "ok"), msg(2, "a", "b", "ok")]);
    expect_eq!(
        ids(inbox.shown()),
        vec![1, 2],
        "two messages saying \"ok\" are two messages"
    );
}

#[test]
fn inbox_keeps_first_arrival_order() {
    let mut inbox = Inbox::new();
    inbox.receive(vec![msg(3, "a", "b", "z")]);
    inbox.receive(vec![msg(1, "a", "b", "x"), msg(3, "a", "b", "z")]);
    expect_eq!(
        ids(inbox.shown()),
        vec![3, 1],
        "shown in the order first received, not sorted by id"
    );
}

// ---------- end to end ----------

#[test]
fn lost_ack_gives_one_shown_copy_and_an_empty_mailbox() {
    let mut s = ChatServer::new(10);
    let mut inbox = Inbox::new();
    s.send("alice", "bob", "hi");
    let _lost_ack = inbox.receive(s.poll("bob", 0));
    let to_ack = inbox.receive(s.poll("bob", 10));
    for id in to_ack {
        s.ack("bob", id);
    }
    expect_eq!(
        inbox.shown().len(),
        1,
        "the message is shown once although delivered twice"
    );
    expect_eq!(
        s.unacked("bob"),
        0,
        "acking the redelivered copy empties the mailbox"
    );
    expect_eq!(
        s.poll("bob", 100),
        vec![],
        "nothing is redelivered after the ack"
    );
}

/// A tiny fixed-seed generator so that the lossy network is the same on every run.
struct Lcg(u64);
impl Lcg {
    fn chance(&mut self, percent: u64) -> bool {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % 100 < percent
    }
}

#[test]
fn lossy_network_delivers_every_message_exactly_once_to_the_screen() {
    let mut s = ChatServer::new(3);
    let mut inbox = Inbox::new();
    let mut rng = Lcg(42);
    let mut sent = Vec::new();
    for now in 0..400u64 {
        if now < 300 {
            sent.push(s.send("alice", "bob", &format!("message {now}")));
        }
        // After time 300 the network heals, so everything gets through eventually.
        let lossy = now < 300;
        let batch = s.poll("bob", now);
        if lossy && rng.chance(30) {
            continue; // the delivery was lost
        }
        for id in inbox.receive(batch) {
            if lossy && rng.chance(30) {
                continue; // the ack was lost
            }
            s.ack("bob", id);
        }
    }
    let mut shown = ids(inbox.shown());
    let shown_len = shown.len();
    shown.sort_unstable();
    shown.dedup();
    expect_eq!(shown.len(), shown_len, "no message may be shown twice");
    expect_eq!(
        shown,
        sent,
        "every sent message is shown, despite lost deliveries and acks"
    );
    expect_eq!(
        s.unacked("bob"),
        0,
        "once the network heals, every message gets acked"
    );
}
