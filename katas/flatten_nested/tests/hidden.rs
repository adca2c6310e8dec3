use flatten_nested::{flatten, NestedInt};
use kata_assert::expect_eq;

fn int(n: i32) -> NestedInt {
    NestedInt::Int(n)
}

fn list(items: Vec<NestedInt>) -> NestedInt {
    NestedInt::List(items)
}

#[test]
fn empty_input_gives_empty_output() {
    expect_eq!(flatten(vec![]), Vec::<i32>::new(), "flatten([]) is []");
}

#[test]
fn flat_list_keeps_its_order() {
    expect_eq!(
        flatten(vec![int(3), int(1), int(2)]),
        vec![3, 1, 2],
        "[3, 1, 2] has no inner lists, so it comes out unchanged"
    );
}

#[test]
fn single_integer() {
    expect_eq!(flatten(vec![int(42)]), vec![42], "[42] gives [42]");
}

#[test]
fn task_example_reads_left_to_right() {
    let nested = vec![
        int(1),
        list(vec![int(2), list(vec![int(3), int(4)]), int(5)]),
        list(vec![]),
        int(6),
    ];
    expect_eq!(
        flatten(nested),
        vec![1, 2, 3, 4, 5, 6],
        "[1, [2, [3, 4], 5], [], 6] gives the integers in reading order"
    );
}

#[test]
fn list_contents_come_where_the_list_stands() {
    expect_eq!(
        flatten(vec![list(vec![int(1), int(2)]), int(3)]),
        vec![1, 2, 3],
        "[[1, 2], 3]: the inner list's 1 and 2 come before the 3 that follows it"
    );
    expect_eq!(
        flatten(vec![int(1), list(vec![int(2)]), int(3)]),
        vec![1, 2, 3],
        "[1, [2], 3]: the 2 stays between 1 and 3"
    );
}

#[test]
fn deeper_lists_come_out_in_place_too() {
    let nested = vec![
        list(vec![list(vec![int(1)]), int(2)]),
        int(3),
        list(vec![int(4), list(vec![int(5), list(vec![int(6)])]), int(7)]),
        int(8),
    ];
    expect_eq!(
        flatten(nested),
        vec![1, 2, 3, 4, 5, 6, 7, 8],
        "[[[1], 2], 3, [4, [5, [6]], 7], 8] gives 1..=8 in reading order"
    );
}

#[test]
fn inner_list_contents_keep_their_own_order() {
    expect_eq!(
        flatten(vec![list(vec![int(9), int(8), int(7)])]),
        vec![9, 8, 7],
        "[[9, 8, 7]] gives [9, 8, 7]: a list's contents keep their order"
    );
}

#[test]
fn empty_list_at_the_start_contributes_nothing() {
    expect_eq!(
        flatten(vec![list(vec![]), int(1), int(2)]),
        vec![1, 2],
        "[[], 1, 2]: the empty list contributes nothing and does not stop the flattening"
    );
}

#[test]
fn empty_list_in_the_middle_contributes_nothing() {
    expect_eq!(
        flatten(vec![int(1), list(vec![]), int(2)]),
        vec![1, 2],
        "[1, [], 2]: the empty list contributes nothing"
    );
}

#[test]
fn empty_list_at_the_end_contributes_nothing() {
    expect_eq!(
        flatten(vec![int(1), int(2), list(vec![])]),
        vec![1, 2],
        "[1, 2, []] gives [1, 2]"
    );
}

#[test]
fn only_empty_lists_give_nothing() {
    expect_eq!(
        flatten(vec![list(vec![])]),
        Vec::<i32>::new(),
        "[[]] gives []"
    );
    expect_eq!(
        flatten(vec![
            list(vec![list(vec![]), list(vec![list(vec![])])]),
            list(vec![])
        ]),
        Vec::<i32>::new(),
        "[[[], [[]]], []] contains no integers"
    );
}

#[test]
fn nested_empty_lists_do_not_end_the_flattening() {
    let nested = vec![
        list(vec![list(vec![]), int(1)]),
        list(vec![list(vec![list(vec![])])]),
        int(2),
        list(vec![int(3), list(vec![])]),
        int(4),
    ];
    expect_eq!(
        flatten(nested),
        vec![1, 2, 3, 4],
        "[[[], 1], [[[]]], 2, [3, []], 4]: empty lists anywhere contribute nothing"
    );
}

#[test]
fn end_of_an_inner_list_does_not_end_the_flattening() {
    expect_eq!(
        flatten(vec![
            list(vec![int(1)]),
            int(2),
            list(vec![list(vec![int(3)])]),
            int(4)
        ]),
        vec![1, 2, 3, 4],
        "[[1], 2, [[3]], 4]: after an inner list ends, the outer list goes on"
    );
}

#[test]
fn singly_wrapped_integer_deep_inside() {
    let nested = vec![list(vec![list(vec![list(vec![list(vec![int(7)])])])])];
    expect_eq!(flatten(nested), vec![7], "[[[[7]]]] gives [7]");
}

#[test]
fn duplicates_are_kept() {
    expect_eq!(
        flatten(vec![int(5), list(vec![int(5), int(5)]), int(5)]),
        vec![5, 5, 5, 5],
        "[5, [5, 5], 5]: every occurrence is kept"
    );
}

#[test]
fn any_i32_value_is_kept_exactly() {
    expect_eq!(
        flatten(vec![
            int(i32::MIN),
            list(vec![int(0), int(-1)]),
            int(i32::MAX)
        ]),
        vec![i32::MIN, 0, -1, i32::MAX],
        "negative numbers, 0, i32::MIN and i32::MAX come out unchanged"
    );
}

#[test]
fn nesting_a_thousand_levels_deep() {
    // Level i is [i, <level i + 1>, -i]; the innermost level is [999, -999].
    let depth = 1000;
    let mut inner = list(vec![int(depth - 1), int(-(depth - 1))]);
    for i in (0..depth - 1).rev() {
        inner = list(vec![int(i), inner, int(-i)]);
    }
    let got = flatten(vec![inner]);
    let mut expected: Vec<i32> = (0..depth).collect();
    expected.extend((0..depth).rev().map(|i| -i));
    expect_eq!(
        got.len(),
        expected.len(),
        "1,000 nested levels of [i, <next level>, -i] hold 2,000 integers"
    );
    expect_eq!(
        got,
        expected,
        "[0, [1, [2, ... [999, -999] ..., -2], -1], 0]: each level's -i comes after everything nested inside it"
    );
}

#[test]
fn many_siblings_in_order() {
    let nested: Vec<NestedInt> = (0..10_000)
        .map(|i| {
            if i % 3 == 0 {
                list(vec![int(i), list(vec![])])
            } else {
                int(i)
            }
        })
        .collect();
    let expected: Vec<i32> = (0..10_000).collect();
    expect_eq!(
        flatten(nested),
        expected,
        "10,000 siblings, every third wrapped in a list with an empty list: 0..10000 in order"
    );
}
