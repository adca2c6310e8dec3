// The only way to an open connection is `open()`: `new` gives a Connection<Closed>.
use newtype_typestate::{Connection, Open};

fn main() {
    let _conn: Connection<Open> = Connection::new("db.internal:5432");
}
