//! Breaks timestamp ties by the smaller id first.

use std::collections::BinaryHeap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    pub id: u64,
    pub timestamp: u64,
}

impl Post {
    fn key(&self) -> (u64, std::cmp::Reverse<u64>) {
        (self.timestamp, std::cmp::Reverse(self.id))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    last: (u64, std::cmp::Reverse<u64>),
}

#[derive(Debug)]
pub struct Page {
    pub posts: Vec<Post>,
    pub next: Option<Cursor>,
}

pub fn feed_page(timelines: &[Vec<Post>], after: Option<&Cursor>, limit: usize) -> Page {
    let mut heap = BinaryHeap::with_capacity(timelines.len());
    for (t, timeline) in timelines.iter().enumerate() {
        let start = match after {
            Some(cursor) => timeline.partition_point(|p| p.key() >= cursor.last),
            None => 0,
        };
        if let Some(post) = timeline.get(start) {
            heap.push((post.key(), t, start));
        }
    }

    let mut posts: Vec<Post> = Vec::with_capacity(limit.min(1024));
    while let Some((key, t, i)) = heap.pop() {
        let duplicate = posts.last().is_some_and(|last| last.key() == key);
        if !duplicate {
            if posts.len() == limit {
                heap.push((key, t, i));
                break;
            }
            posts.push(timelines[t][i]);
        }
        if let Some(post) = timelines[t].get(i + 1) {
            heap.push((post.key(), t, i + 1));
        }
    }

    let more_follow = !heap.is_empty();
    let next = match posts.last() {
        Some(last) if more_follow => Some(Cursor { last: last.key() }),
        _ => None,
    };
    Page { posts, next }
}
