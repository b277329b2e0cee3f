//! The numbers the explorer prints and reads, in fixed point: sizes (`4.2 MB`), the
//! timeline's SVG coordinates, the link's timeline view. Tenths, hundredths and
//! thousandths are integers here, so the explorer carries none of the standard library's
//! float printing (shortest form and `{:.1}`: grisu and dragon) or float parsing.

/// The largest number of decimals printed.
const MAX_PLACES: u32 = 6;

/// `x` with `places` decimals (at most 6), rounded half away from zero, as `{:.N}`
/// prints it but for ties that binary fractions make rare. Not a finite number, or one
/// past ±9×10^12: `0`, or the bound, so that an attribute never reads `NaN`.
pub fn fixed(x: f64, places: u32) -> String {
    let mut out = String::new();
    push_fixed(&mut out, x, places, false);
    out
}

/// An SVG coordinate or length: `x` to 1/100, without trailing zeros (`12`, `12.5`,
/// `12.25`).
pub fn coord(x: f64) -> String {
    let mut out = String::new();
    push_fixed(&mut out, x, 2, true);
    out
}

/// Appends `x` with `places` decimals to `out`; `trim` drops trailing zeros (and the
/// point, if nothing is left after it).
pub fn push_fixed(out: &mut String, x: f64, places: u32, trim: bool) {
    let places = places.min(MAX_PLACES);
    let scale = 10u64.pow(places);
    let x = if x.is_finite() { x } else { 0.0 };
    let limit = 9e12;
    let a = x.abs().min(limit);
    // (floor, not round: wasm has an instruction for it.)
    let n = (a * scale as f64 + 0.5).floor() as u64;
    if x < 0.0 && n > 0 {
        out.push('-');
    }
    push_digits(out, n / scale, 1);
    if places == 0 {
        return;
    }
    let mut frac = n % scale;
    let mut width = places as usize;
    if trim {
        while width > 0 && frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        if width == 0 {
            return;
        }
    }
    out.push('.');
    push_digits(out, frac, width);
}

/// Appends `n` in decimal, zero-padded to `width` digits.
fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while n > 0 || buf.len() - i < width {
        i -= 1;
        if let Some(b) = buf.get_mut(i) {
            *b = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if i == 0 {
            break;
        }
    }
    for &b in buf.get(i..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

/// A plain decimal number (`-12`, `20456.125`, `.5`): an optional minus, digits, an
/// optional point and digits; at most 15 digits before the point, and digits past the
/// ninth after it ignored. Anything else (exponents, `inf`, a sign of `+`, spaces) is
/// `None`.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || int.len() > 15 || !digits(int) || !digits(frac) {
        return None;
    }
    let value = |t: &str| t.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let frac = frac.get(..frac.len().min(9)).unwrap_or_default();
    // Both parts are below 2^53, and a power of ten to 10^9 is exact, so each is exact
    // and the result is rounded once.
    let x = value(int) as f64 + value(frac) as f64 / 10u64.pow(frac.len() as u32) as f64;
    Some(if negative { -x } else { x })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_prints_as_format_does() {
        for &x in &[
            0.0,
            0.04,
            0.06,
            1.0,
            1.25,
            12.345,
            99.96,
            20_456.123_456,
            -3.5,
            -0.0001,
            4.2e6,
            1e12,
        ] {
            for places in 0..=3 {
                let want = format!("{x:.*}", places as usize);
                let want =
                    if want.starts_with("-0") && want.trim_matches(['-', '0', '.']).is_empty() {
                        want.trim_start_matches('-').to_string()
                    } else {
                        want
                    };
                let got = fixed(x, places);
                // Ties of the decimal expansion may round the other way: one last digit.
                let close = (got.parse::<f64>().unwrap() - want.parse::<f64>().unwrap()).abs()
                    <= 10f64.powi(-(places as i32)) * 1.000_1;
                assert!(
                    got == want || close,
                    "{x} to {places}: {got} against {want}"
                );
            }
        }
        assert_eq!(fixed(20_456.5, 3), "20456.500");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(-2.25, 1), "-2.3");
    }

    #[test]
    fn coordinates_drop_trailing_zeros() {
        assert_eq!(coord(12.0), "12");
        assert_eq!(coord(12.5), "12.5");
        assert_eq!(coord(12.254), "12.25");
        assert_eq!(coord(-0.001), "0");
        assert_eq!(coord(-7.1), "-7.1");
        assert_eq!(coord(0.999), "1");
    }

    #[test]
    fn absurd_numbers_print_as_numbers() {
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(coord(f64::INFINITY), "0");
        assert_eq!(fixed(1e300, 0), "9000000000000");
        assert_eq!(fixed(-1e300, 1), "-9000000000000.0");
        assert_eq!(fixed(1.5, 40), "1.500000");
    }

    #[test]
    fn decimals_parse_as_the_standard_library_does() {
        for s in [
            "0",
            "12",
            "-12",
            "20456.125",
            "20456.123",
            "-719162.5",
            ".5",
            "5.",
            "0.000001",
            "999999999999999",
        ] {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        assert_eq!(parse_decimal("1.1234567891"), Some(1.123_456_789));
        for s in [
            "",
            "-",
            ".",
            "1e5",
            "inf",
            "NaN",
            "+1",
            " 1",
            "1,5",
            "1.2.3",
            "--1",
            "1234567890123456",
        ] {
            assert_eq!(parse_decimal(s), None, "{s:?}");
        }
    }

    #[test]
    fn a_printed_view_reads_back() {
        for &x in &[20_456.123, -1_000_000.5, 0.0, 2_932_896.999] {
            let printed = fixed(x, 3);
            assert!(
                (parse_decimal(&printed).unwrap() - x).abs() < 5e-4,
                "{printed}"
            );
        }
    }
}
