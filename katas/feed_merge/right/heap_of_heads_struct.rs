//! A heap of timeline heads with their own `Ord`, a cursor holding the last post shown, and a
//! look-ahead past copies of the last post to decide whether a next page exists.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    pub id: u64,
    pub timestamp: u64,
}

/// Feed order: `Greater` means "comes first in the feed".
fn feed_cmp(a: &Post, b: &Post) -> Ordering {
    a.timestamp.cmp(&b.timestamp).then(a.id.cmp(&b.id))
}

pub struct Cursor {
    last: Post,
}

pub struct Page {
    pub posts: Vec<Post>,
    pub next: Option<Cursor>,
}

struct Head {
    post: Post,
    timeline: usize,
    index: usize,
}

impl PartialEq for Head {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head {}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head {
    fn cmp(&self, other: &Self) -> Ordering {
        feed_cmp(&self.post, &other.post).then(self.timeline.cmp(&other.timeline))
    }
}

pub fn feed_page(timelines: &[Vec<Post>], after: Option<&Cursor>, limit: usize) -> Page {
    let mut heads = BinaryHeap::new();
    for (timeline, posts) in timelines.iter().enumerate() {
        // Skip everything up to and including the last post shown (binary search).
        let index = after.map_or(0, |cursor| {
            posts.partition_point(|p| feed_cmp(p, &cursor.last) != Ordering::Less)
        });
        if let Some(&post) = posts.get(index) {
            heads.push(Head {
                post,
                timeline,
                index,
            });
        }
    }
    let advance = |heads: &mut BinaryHeap<Head>, head: Head| {
        if let Some(&post) = timelines[head.timeline].get(head.index + 1) {
            heads.push(Head {
                post,
                timeline: head.timeline,
                index: head.index + 1,
            });
        }
    };
    let mut posts: Vec<Post> = Vec::new();
    while posts.len() < limit {
        let Some(head) = heads.pop() else { break };
        if posts.last() != Some(&head.post) {
            posts.push(head.post);
        }
        advance(&mut heads, head);
    }
    // Copies of the last post shown may still sit at the top of the heap.
    while let Some(top) = heads.peek() {
        if posts.last() == Some(&top.post) {
            let head = heads.pop().expect("peeked");
            advance(&mut heads, head);
        } else {
            break;
        }
    }
    let next = match posts.last() {
        Some(&last) if !heads.is_empty() => Some(Cursor { last }),
        _ => None,
    };
    Page { posts, next }
}
