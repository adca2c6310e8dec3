// Sending on a connection that was never opened: `send` does not exist on Connection<Closed>.
use newtype_typestate::Connection;

fn main() {
    let mut conn = Connection::new("db.internal:5432");
    conn.send("SELECT 1");
}
