//! The message a panic carries, for the explorer's banner and the worker's report.

/// The panic's message (a `&str` or `String` payload), or "" when it carries neither.
pub fn panic_text(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
