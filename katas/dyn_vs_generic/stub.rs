//! Trait objects and generics: see the task statement (`kata hint dyn_vs_generic` when stuck).

/// A plane shape.
pub trait Shape {
    /// The kind of shape, in lower case: `"circle"`, `"rectangle"`.
    fn name(&self) -> String;

    /// The area.
    fn area(&self) -> f64;

    /// A one-line description, `"<name> with area <area to 2 decimals>"`; shapes may override it.
    fn describe(&self) -> String {
        todo!("describe the shape by its name and area")
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
        todo!()
    }

    fn area(&self) -> f64 {
        todo!()
    }
}

impl Shape for Rectangle {
    fn name(&self) -> String {
        todo!()
    }

    fn area(&self) -> f64 {
        todo!()
    }
}

/// A box of a shape behaves exactly like the shape inside.
impl<S: Shape + ?Sized> Shape for Box<S> {
    fn name(&self) -> String {
        todo!("forward to the boxed shape")
    }

    fn area(&self) -> f64 {
        todo!("forward to the boxed shape")
    }
}

/// The sum of the areas of a mixed list of shapes.
pub fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    let _ = shapes;
    todo!()
}

/// The shape with the greatest area, the first one on ties; `None` for an empty slice.
pub fn largest<T: Shape>(shapes: &[T]) -> Option<&T> {
    let _ = shapes;
    todo!()
}

/// Each shape's `describe()`, in order.
pub fn describe_all(shapes: &[Box<dyn Shape>]) -> Vec<String> {
    let _ = shapes;
    todo!()
}
