//! The JSON path at a position in a JSON text, such as `areas[2].elements[4].weight`.
//!
//! serde_json reports a type error by line and column only. Tracking the path during
//! deserialization (serde_path_to_error) cost about 100 KB of wasm, more than half the
//! partner's download budget, so the loader finds the path afterwards with this scanner.

/// Byte offset of a serde_json error position: a 1-based line, and a column that counts the
/// bytes already read on that line (so the offset is just past the offending token).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    (line_start + column).min(text.len())
}

enum Frame {
    /// `key` is the last key read; `in_value` is true between its ':' and the next ',' or '}'.
    Object {
        key: String,
        in_value: bool,
    },
    Array {
        index: usize,
    },
}

/// The path of the value being read when the scan reaches `offset`. Never panics: on text
/// that is not JSON it returns whatever path it had built so far.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: String::new(),
                in_value: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { in_value, .. }) => *in_value = false,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, in_value }) = stack.last_mut() {
                    if !*in_value {
                        let raw = text.get(start..i.min(bytes.len())).unwrap_or_default();
                        *key = serde_json::from_str(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_owned());
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object {
                key,
                in_value: true,
            } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"areas\": [\n    {\"id\": \"a\", \"weight\": 1},\n    {\"id\": \"b\", \"weight\": \"heavy\", \"elements\": [{\"x\\\"y\": 2}, {}]}\n  ]\n}";

    fn after(needle: &str) -> usize {
        TEXT.find(needle).unwrap() + needle.len()
    }

    #[test]
    fn finds_the_path_of_a_value_by_its_end() {
        assert_eq!(path_at(TEXT, after("\"heavy\"")), "areas[1].weight");
        assert_eq!(path_at(TEXT, after("\"weight\": 1")), "areas[0].weight");
        assert_eq!(
            path_at(TEXT, after("\"x\\\"y\": 2")),
            "areas[1].elements[0].x\"y"
        );
    }

    #[test]
    fn just_after_an_object_is_that_object_in_its_parent() {
        assert_eq!(
            path_at(TEXT, after("{\"x\\\"y\": 2}, {}")),
            "areas[1].elements[1]"
        );
        assert_eq!(path_at(TEXT, after("\"weight\": 1}")), "areas[0]");
    }

    #[test]
    fn the_column_counts_bytes_read_on_the_line() {
        let offset = offset_of(TEXT, 3, 5);
        assert_eq!(&TEXT[offset - 1..offset], "{");
        assert_eq!(offset_of(TEXT, 99, 1), TEXT.len());
    }

    #[test]
    fn text_that_is_not_json_gives_some_path_and_no_panic() {
        for text in [
            "",
            "\"",
            "{\"a",
            "[[[",
            "}}}]]",
            "{\"a\": \"\\",
            "{\"é\": [1,",
        ] {
            for offset in 0..=text.len() + 2 {
                let _ = path_at(text, offset);
            }
        }
    }
}
