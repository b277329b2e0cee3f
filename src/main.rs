//! The web app entry point: install the panic banner, render the App.
fn main() {
    quoteline::ui::start();
}
