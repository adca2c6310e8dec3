// Using a connection after closing it: `close` consumed it.
use newtype_typestate::Connection;

fn main() {
    let mut conn = Connection::new("db.internal:5432").open();
    conn.send("hello");
    let _closed = conn.close();
    conn.send("too late");
}
