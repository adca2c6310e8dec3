use dyn_vs_generic::{describe_all, largest, total_area, Circle, Rectangle, Shape};
use kata_assert::{expect, expect_eq};

use std::f64::consts::PI;

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

/// A shape the learner's code has never seen: it only implements `Shape`.
struct Triangle {
    base: f64,
    height: f64,
}

impl Shape for Triangle {
    fn name(&self) -> String {
        "triangle".to_string()
    }
    fn area(&self) -> f64 {
        self.base * self.height / 2.0
    }
}

/// A shape with a fixed area and its own `describe`.
struct Labelled {
    label: &'static str,
    area: f64,
}

impl Shape for Labelled {
    fn name(&self) -> String {
        "labelled".to_string()
    }
    fn area(&self) -> f64 {
        self.area
    }
    fn describe(&self) -> String {
        format!("the {} one", self.label)
    }
}

fn labelled(label: &'static str, area: f64) -> Labelled {
    Labelled { label, area }
}

/// Which element of `slice` `found` points at, by address.
fn index_of<T>(slice: &[T], found: Option<&T>) -> Option<usize> {
    let found = found?;
    slice.iter().position(|x| std::ptr::eq(x, found))
}

#[test]
fn circle_area_is_pi_r_squared() {
    expect!(
        close(Circle { radius: 1.0 }.area(), PI),
        "a circle of radius 1 has area π"
    );
    expect!(
        close(Circle { radius: 2.5 }.area(), PI * 6.25),
        "a circle of radius 2.5 has area 6.25π"
    );
    expect!(
        close(Circle { radius: 0.0 }.area(), 0.0),
        "a circle of radius 0 has area 0"
    );
}

#[test]
fn rectangle_area_is_width_times_height() {
    let r = Rectangle {
        width: 3.0,
        height: 4.5,
    };
    expect!(
        close(r.area(), 13.5),
        "a 3 × 4.5 rectangle has area 13.5, got {}",
        r.area()
    );
}

#[test]
fn names_are_lower_case_kinds() {
    expect_eq!(
        Circle { radius: 1.0 }.name(),
        "circle",
        "a Circle's name is \"circle\""
    );
    expect_eq!(
        Rectangle {
            width: 1.0,
            height: 2.0
        }
        .name(),
        "rectangle",
        "a Rectangle's name is \"rectangle\""
    );
}

#[test]
fn default_describe_gives_name_and_area() {
    expect_eq!(
        Circle { radius: 1.0 }.describe(),
        "circle with area 3.14",
        "the default describe is \"<name> with area <area to 2 decimals>\""
    );
    expect_eq!(
        Rectangle {
            width: 2.0,
            height: 3.5
        }
        .describe(),
        "rectangle with area 7.00",
        "the area always has two decimals"
    );
    expect_eq!(
        Triangle {
            base: 3.0,
            height: 5.0
        }
        .describe(),
        "triangle with area 7.50",
        "the default describe works for any shape through name() and area()"
    );
}

#[test]
fn total_area_sums_mixed_shapes() {
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Rectangle {
            width: 1.0,
            height: 3.0,
        }),
        Box::new(Circle { radius: 1.0 }),
        Box::new(Rectangle {
            width: 0.5,
            height: 0.5,
        }),
    ];
    let total = total_area(&shapes);
    expect!(
        close(total, 3.25 + PI),
        "3 + π + 0.25 = {}, got {}",
        3.25 + PI,
        total
    );
}

#[test]
fn total_area_of_no_shapes_is_zero() {
    expect_eq!(total_area(&[]), 0.0, "an empty list has total area 0.0");
}

#[test]
fn total_area_dispatches_to_any_shape() {
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Triangle {
            base: 4.0,
            height: 3.0,
        }),
        Box::new(labelled("big", 100.0)),
        Box::new(Circle { radius: 2.0 }),
    ];
    let total = total_area(&shapes);
    expect!(
        close(total, 6.0 + 100.0 + 4.0 * PI),
        "each shape's own area() is summed: 6 + 100 + 4π = {}, got {}",
        6.0 + 100.0 + 4.0 * PI,
        total
    );
}

#[test]
fn largest_picks_the_greatest_area() {
    let rects = [
        Rectangle {
            width: 1.0,
            height: 1.0,
        },
        Rectangle {
            width: 2.0,
            height: 5.0,
        },
        Rectangle {
            width: 3.0,
            height: 3.0,
        },
    ];
    expect_eq!(
        index_of(&rects, largest(&rects)),
        Some(1),
        "the 2 × 5 rectangle (area 10) is the largest"
    );
}

#[test]
fn largest_of_no_shapes_is_none() {
    let empty: [Circle; 0] = [];
    expect!(
        largest(&empty).is_none(),
        "an empty slice has no largest shape"
    );
}

#[test]
fn largest_of_one_shape_is_that_shape() {
    let one = [Circle { radius: 0.0 }];
    expect_eq!(
        index_of(&one, largest(&one)),
        Some(0),
        "a one-shape slice's largest is that shape, even with area 0"
    );
}

#[test]
fn largest_compares_areas_not_dimensions() {
    let rects = [
        Rectangle {
            width: 10.0,
            height: 0.1,
        },
        Rectangle {
            width: 2.0,
            height: 2.0,
        },
        Rectangle {
            width: 0.5,
            height: 9.0,
        },
    ];
    expect_eq!(
        index_of(&rects, largest(&rects)),
        Some(2),
        "areas 1, 4 and 4.5: the 0.5 × 9 rectangle is the largest, though not the widest or the longest-sided"
    );
}

#[test]
fn largest_compares_fractional_areas() {
    let triangles = [
        Triangle {
            base: 2.0,
            height: 3.0,
        },
        Triangle {
            base: 2.0,
            height: 3.1,
        },
        Triangle {
            base: 2.0,
            height: 3.05,
        },
    ];
    expect_eq!(
        index_of(&triangles, largest(&triangles)),
        Some(1),
        "areas 3.0, 3.1 and 3.05: the second triangle is the largest"
    );
    let shapes = [labelled("a", 0.25), labelled("b", 0.75), labelled("c", 0.5)];
    expect_eq!(
        index_of(&shapes, largest(&shapes)),
        Some(1),
        "areas 0.25, 0.75 and 0.5: the second is the largest"
    );
}

#[test]
fn largest_prefers_the_first_on_ties() {
    let shapes = [
        labelled("a", 2.0),
        labelled("b", 5.0),
        labelled("c", 5.0),
        labelled("d", 1.0),
    ];
    expect_eq!(
        index_of(&shapes, largest(&shapes)),
        Some(1),
        "two shapes share the greatest area 5: the first of them is the largest"
    );
    let same = [labelled("x", 3.0), labelled("y", 3.0), labelled("z", 3.0)];
    expect_eq!(
        index_of(&same, largest(&same)),
        Some(0),
        "all areas equal: the first shape"
    );
}

#[test]
fn largest_works_on_shapes_that_are_only_shape() {
    let triangles = [
        Triangle {
            base: 1.0,
            height: 1.0,
        },
        Triangle {
            base: 4.0,
            height: 4.0,
        },
    ];
    expect_eq!(
        index_of(&triangles, largest(&triangles)),
        Some(1),
        "largest works for a type that implements only Shape"
    );
}

#[test]
fn largest_works_on_boxed_trait_objects() {
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Rectangle {
            width: 1.0,
            height: 3.0,
        }),
        Box::new(Circle { radius: 1.0 }),
        Box::new(Triangle {
            base: 2.0,
            height: 2.0,
        }),
    ];
    expect_eq!(
        index_of(&shapes, largest(&shapes)),
        Some(1),
        "areas 3, π and 2: the circle is the largest (π > 3)"
    );
}

#[test]
fn boxed_shape_behaves_like_the_shape_inside() {
    let boxed: Box<dyn Shape> = Box::new(Circle { radius: 1.0 });
    expect_eq!(
        boxed.name(),
        "circle",
        "a boxed circle's name is \"circle\""
    );
    expect!(
        close(boxed.area(), PI),
        "a boxed circle of radius 1 has area π"
    );
    expect_eq!(
        boxed.describe(),
        "circle with area 3.14",
        "a boxed circle describes itself as a circle"
    );
    let nested: Box<Box<dyn Shape>> = Box::new(boxed);
    expect_eq!(
        nested.name(),
        "circle",
        "a box of a box of a circle still is a circle"
    );
}

#[test]
fn boxed_shape_keeps_its_own_describe() {
    let boxed: Box<Labelled> = Box::new(labelled("green", 2.0));
    expect_eq!(
        boxed.describe(),
        "the green one",
        "Box<S> must forward describe to S, not fall back to the default"
    );
    let object: Box<dyn Shape> = Box::new(labelled("blue", 2.0));
    expect_eq!(
        Shape::describe(&object),
        "the blue one",
        "Box<dyn Shape> must forward describe to the shape inside, not fall back to the default"
    );
}

#[test]
fn describe_all_describes_each_in_order() {
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Rectangle {
            width: 1.0,
            height: 3.0,
        }),
        Box::new(Circle { radius: 1.0 }),
    ];
    expect_eq!(
        describe_all(&shapes),
        vec![
            "rectangle with area 3.00".to_string(),
            "circle with area 3.14".to_string()
        ],
        "each shape's describe(), in order"
    );
}

#[test]
fn describe_all_uses_each_shapes_own_describe() {
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(labelled("first", 1.0)),
        Box::new(Triangle {
            base: 1.0,
            height: 1.0,
        }),
        Box::new(labelled("last", 9.0)),
    ];
    expect_eq!(
        describe_all(&shapes),
        vec![
            "the first one".to_string(),
            "triangle with area 0.50".to_string(),
            "the last one".to_string()
        ],
        "a shape that overrides describe is described by its own describe"
    );
}

#[test]
fn describe_all_of_no_shapes_is_empty() {
    expect_eq!(
        describe_all(&[]),
        Vec::<String>::new(),
        "no shapes, no descriptions"
    );
}
