//! Refuses input that is not a page: a binary, random bytes, or text with
//! neither markup nor prose. Analysed anyway, such input gives a report of
//! nonsense ("BH-H-x" as a person, 78 quantities from an executable), which
//! is worse than one clear line and exit status 2.

/// How much of the input the checks read: enough to tell, bounded on a
/// huge file.
const SNIFF: usize = 64 * 1024;

/// Why the input is not analysed, or `Ok` when it looks like a page (or,
/// with `plain_text`, like prose).
pub fn check(bytes: &[u8], decoded: &str, plain_text: bool) -> Result<(), String> {
    if decoded.trim().is_empty() {
        return Err("the input is empty".into());
    }
    // As git does: a NUL in the first 8000 bytes means binary. The decoded
    // text is checked, so a UTF-16 page (NULs in its bytes) passes.
    // The byte offset of a NUL among the first 8000 characters (as `find`
    // in those characters collected into a string gave it). Read in place:
    // a batch checks every page, and collecting 64 Ki characters was 2% of
    // its time.
    let head_end = end_of_chars(decoded, 8000);
    if let Some(at) = decoded[..head_end].find('\0') {
        return Err(format!(
            "this is not text or HTML (a NUL character at offset {at}: a binary file?)"
        ));
    }
    let sample = &decoded[..end_of_chars(decoded, SNIFF)];
    let (n, bad) = count_bad(sample);
    // A legacy page without a charset has a few undecodable letters; random
    // bytes and binaries are mostly undecodable.
    if bad * 10 > n {
        return Err(format!(
            "this is not text or HTML ({}% of the first {n} characters are not valid text in its encoding)",
            bad * 100 / n
        ));
    }
    let has_markup = {
        let b = &bytes[..bytes.len().min(SNIFF)];
        b.windows(2).any(|w| {
            w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'!' | b'/' | b'?'))
        })
    };
    if !has_markup || plain_text {
        // Prose: mostly letters and spaces, with words of two letters or more.
        let letters = sample
            .chars()
            .filter(|c| c.is_alphabetic() || c.is_whitespace())
            .count();
        let words = decoded
            .split_whitespace()
            .take(1000)
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count();
        if letters * 10 < n * 6 || words < 3 {
            let what = if plain_text {
                "prose"
            } else {
                "HTML markup or prose"
            };
            return Err(format!("this has no {what} to analyze"));
        }
    }
    Ok(())
}

/// The byte offset of character `k` of `s` (its length when shorter): as
/// `s.char_indices().nth(k)`, counting the bytes that start a character
/// 64 at a time rather than decoding each (a batch checks every page).
fn end_of_chars(s: &str, k: usize) -> usize {
    if s.len() <= k {
        return s.len();
    }
    let starts = |b: &u8| b & 0xC0 != 0x80; // not a continuation byte (10xxxxxx)
    let (mut seen, mut at) = (0, 0);
    for chunk in s.as_bytes().chunks(64) {
        // Summed without a branch: SIMD.
        let here = chunk.iter().map(|b| u8::from(starts(b))).sum::<u8>() as usize;
        if seen + here > k {
            // Character k starts in this chunk.
            for (i, b) in chunk.iter().enumerate() {
                if starts(b) {
                    if seen == k {
                        return at + i;
                    }
                    seen += 1;
                }
            }
        }
        seen += here;
        at += chunk.len();
    }
    s.len()
}

/// The characters of `sample`, and how many are not valid text: U+FFFD
/// (undecodable bytes) or a control character that is not whitespace.
/// Judged by the bytes in passes the compiler makes SIMD, without decoding
/// a character (a batch checks the first 64 KiB of every page; counted
/// with a filter, one byte per step, this was 3% of a batch's
/// instructions). Past ASCII, the
/// control characters are U+0080 to U+009F (UTF-8 `C2 80` to `C2 9F`),
/// of which U+0085 is whitespace, and U+FFFD is `EF BF BD`: in valid UTF-8
/// those bytes can be nothing else.
fn count_bad(sample: &str) -> (usize, usize) {
    let b = sample.as_bytes();
    let after = |k: usize| b.get(k..).unwrap_or_default();
    // Each count without branches, so that the compiler makes it SIMD (as
    // a filter and count it was one byte per step).
    // ASCII controls: 0x00-0x1F and 0x7F; whitespace among them: 0x09-0x0D.
    let ascii: u32 = b
        .iter()
        .map(|&c| u32::from(((c < 0x20) & (c.wrapping_sub(0x09) > 4)) | (c == 0x7F)))
        .sum();
    let c1: u32 = b
        .iter()
        .zip(after(1))
        .map(|(&x, &y)| u32::from((x == 0xC2) & (y.wrapping_sub(0x80) < 0x20) & (y != 0x85)))
        .sum();
    let fffd: u32 = b
        .iter()
        .zip(after(1))
        .zip(after(2))
        .map(|((&x, &y), &z)| u32::from((x == 0xEF) & (y == 0xBF) & (z == 0xBD)))
        .sum();
    (sample.chars().count(), (ascii + c1 + fffd) as usize)
}

#[cfg(test)]
mod tests {
    use super::{check, count_bad, end_of_chars};

    /// The fast counts are the ones decoding every character gives.
    #[test]
    fn counts_match_decoding_every_character() {
        // Longer than one 255-byte group of the control count.
        let long = "a\x01 \u{9f}\u{fffd}\x7f\t\u{85}".repeat(200);
        let texts = [
            long.as_str(),
            "",
            "plain ASCII text\twith\r\na tab",
            "NUL \0, bell \x07, DEL \x7f, vertical tab \x0b, form feed \x0c",
            "Caf\u{FFFD} in S\u{e3}o Paulo, \u{85}next line, \u{9f} a C1 control",
            "北京 and Zoe\u{308}, 👩‍👩‍👧 and \u{a0}no-break",
            // C1 controls and NEL, and characters that share the lead bytes C2 and EF.
            "\u{80}\u{84}\u{85}\u{86}\u{9f}\u{a0}\u{bf}, \u{fffc}\u{fffe}\u{ffbd}\u{efbd}\u{ef}\u{c2}",
            "Ωmega \u{fffd}\u{fffd} and \u{85}\u{85}\u{9e}",
        ];
        for t in texts {
            let bad = t
                .chars()
                .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()))
                .count();
            assert_eq!(count_bad(t), (t.chars().count(), bad), "{t:?}");
            for k in 0..=t.chars().count() + 1 {
                let want = t.char_indices().nth(k).map_or(t.len(), |(i, _)| i);
                assert_eq!(end_of_chars(t, k), want, "{t:?} at {k}");
            }
        }
    }

    fn verdict(bytes: &[u8], plain_text: bool) -> bool {
        let decoded = String::from_utf8_lossy(bytes);
        check(bytes, &decoded, plain_text).is_ok()
    }

    #[test]
    fn pages_and_prose_pass_binaries_do_not() {
        // Pseudo-random bytes from a fixed LCG: the same on every run.
        let mut x: u32 = 12345;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
        let table: &[(&[u8], bool, bool)] = &[
            (
                b"<html><body><p>Hello there, reader.</p></body></html>",
                false,
                true,
            ),
            (b"<p>x</p>", false, true),
            (
                b"Cambodia's ruling party and the opposition resumed talks on Tuesday.\n",
                false,
                true,
            ),
            (
                b"Cambodia's ruling party and the opposition resumed talks on Tuesday.\n",
                true,
                true,
            ),
            // Latin-1 without a charset: a few undecodable letters are fine.
            (
                b"<p>Caf\xe9 society in S\xe3o Paulo, the reporter wrote at length about it.</p>",
                false,
                true,
            ),
            (b"", false, false),
            (b"   \n\t ", false, false),
            (elf, false, false),
            (&random, false, false),
            (&random, true, false),
            (b"0101 2332 8872 1200 9981 2333 1\n", false, false),
            (b"{\"a\": 1, \"b\": [2, 3], \"c\": 4}", false, false),
        ];
        for (i, (bytes, text, ok)) in table.iter().enumerate() {
            assert_eq!(
                verdict(bytes, *text),
                *ok,
                "case {i}: {:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
