//! Right pages, wrong complexity: builds and sorts the whole feed for every page.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    pub id: u64,
    pub timestamp: u64,
}

pub struct Cursor {
    timestamp: u64,
    id: u64,
}

pub struct Page {
    pub posts: Vec<Post>,
    pub next: Option<Cursor>,
}

pub fn feed_page(timelines: &[Vec<Post>], after: Option<&Cursor>, limit: usize) -> Page {
    let mut all: Vec<Post> = timelines.iter().flatten().copied().collect();
    all.sort_by(|a, b| (b.timestamp, b.id).cmp(&(a.timestamp, a.id)));
    all.dedup_by_key(|p| p.id);
    let start = match after {
        Some(c) => all.partition_point(|p| (p.timestamp, p.id) >= (c.timestamp, c.id)),
        None => 0,
    };
    let end = (start + limit).min(all.len());
    let posts = all[start..end].to_vec();
    let next = if end < all.len() {
        posts.last().map(|p| Cursor {
            timestamp: p.timestamp,
            id: p.id,
        })
    } else {
        None
    };
    Page { posts, next }
}
