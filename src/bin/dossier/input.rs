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
        let here = chunk.iter().filter(|b| starts(b)).count();
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
/// ASCII is judged by its bytes in one pass without decoding; only
/// characters past ASCII are decoded, and only when there are some.
fn count_bad(sample: &str) -> (usize, usize) {
    let not_text = |c: char| c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace());
    // ASCII controls: 0x00-0x1F and 0x7F; whitespace among them: 0x09-0x0D.
    let mut bad = sample
        .bytes()
        .filter(|&b| (b < 0x20 && !(0x09..=0x0D).contains(&b)) || b == 0x7F)
        .count();
    if !sample.is_ascii() {
        bad += sample
            .chars()
            .filter(|&c| !c.is_ascii() && not_text(c))
            .count();
    }
    (sample.chars().count(), bad)
}

#[cfg(test)]
mod tests {
    use super::{check, count_bad, end_of_chars};

    /// The fast counts are the ones decoding every character gives.
    #[test]
    fn counts_match_decoding_every_character() {
        let texts = [
            "",
            "plain ASCII text\twith\r\na tab",
            "NUL \0, bell \x07, DEL \x7f, vertical tab \x0b, form feed \x0c",
            "Caf\u{FFFD} in S\u{e3}o Paulo, \u{85}next line, \u{9f} a C1 control",
            "北京 and Zoe\u{308}, 👩‍👩‍👧 and \u{a0}no-break",
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
