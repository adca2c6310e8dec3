//! Feed merge: see the task statement (`kata hint feed_merge` when stuck).

/// One post. Feed order is newest first: larger `timestamp` first, then larger `id` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    pub id: u64,
    pub timestamp: u64,
}

/// Where the previous page ended. Design its fields yourself.
pub struct Cursor {
    // Your fields here.
}

/// One page of the feed and the cursor for the page after it, if any post follows.
pub struct Page {
    pub posts: Vec<Post>,
    pub next: Option<Cursor>,
}

/// Merges the timelines (each already in feed order) and returns up to `limit` posts that come
/// after `after` in feed order, each post at most once.
pub fn feed_page(timelines: &[Vec<Post>], after: Option<&Cursor>, limit: usize) -> Page {
    let _ = (timelines, after, limit);
    todo!("merge the timelines into one page")
}
