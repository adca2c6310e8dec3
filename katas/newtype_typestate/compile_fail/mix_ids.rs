// An OrderId where a UserId is required: the two ids are different types.
use newtype_typestate::Store;

fn main() {
    let mut store = Store::new();
    let user = store.add_user("ada");
    let order = store.place_order(user, "book").unwrap();
    let _name = store.user_name(order);
}
