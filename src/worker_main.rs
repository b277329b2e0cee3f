//! The loader worker's entry point (`quoteline-worker`): see `quoteline::worker`.
fn main() {
    quoteline::worker::start();
}
