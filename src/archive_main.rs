//! The archive mode's entry point (`quoteline-archive`): see `quoteline::ui::archive`.
fn main() {
    quoteline::ui::archive::start();
}
