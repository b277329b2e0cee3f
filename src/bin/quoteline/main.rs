//! The `quoteline` command line (native only; see `cli.rs`). Under wasm32 it is an empty
//! program, so that building every target for the browser still works.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
