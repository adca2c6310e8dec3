// A bare u64 where a UserId is required: an id must be built on purpose, `UserId(1)`.
use newtype_typestate::Store;

fn main() {
    let mut store = Store::new();
    let _user = store.add_user("ada");
    let raw: u64 = 1;
    let _name = store.user_name(raw);
}
