// Opening a connection that is already open: `open` does not exist on Connection<Open>.
use newtype_typestate::Connection;

fn main() {
    let conn = Connection::new("db.internal:5432").open();
    let _again = conn.open();
}
