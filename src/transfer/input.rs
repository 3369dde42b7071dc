//! Turning the bytes of a batch file into UTF-8 text: a byte-order mark is
//! dropped, GB18030 (what spreadsheets on Chinese Windows save as "ANSI")
//! is decoded on request, and empty or binary files are refused before any
//! parsing, with a message saying what the file looks like.

use std::io::{BufRead, BufReader, Read};

use crate::error::{Error, Result};

/// The text encoding of a batch file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    #[default]
    Utf8,
    /// GB18030, the superset of GBK and GB2312.
    Gb18030,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How much of the start of a file is checked for NUL bytes.
const SNIFF_BYTES: usize = 8 * 1024;
const BUFFER: usize = 64 * 1024;

/// Opens `reader` as UTF-8 text, refusing an empty or binary input. The
/// result is streamed: nothing is read beyond the first buffer here.
pub fn text_reader<'a>(
    reader: impl Read + Send + 'a,
    encoding: Encoding,
) -> Result<Box<dyn BufRead + Send + 'a>> {
    let mut raw = BufReader::with_capacity(BUFFER, reader);
    let head = raw
        .fill_buf()
        .map_err(|e| Error::invalid(crate::said!("import-read-failed", error = e)))?;
    if head.is_empty() {
        return Err(Error::invalid(crate::said!("import-empty")));
    }
    let sniff = &head[..head.len().min(SNIFF_BYTES)];
    if sniff.contains(&0) {
        return Err(Error::invalid(crate::said!("import-binary")));
    }
    if encoding == Encoding::Utf8 && head.starts_with(BOM) {
        raw.consume(BOM.len());
    }
    Ok(match encoding {
        Encoding::Utf8 => Box::new(raw),
        Encoding::Gb18030 => Box::new(BufReader::with_capacity(BUFFER, Gb18030Reader::new(raw))),
    })
}

/// The hint added to every "not UTF-8" message, in the workspace language.
pub fn encoding_hint() -> crate::messages::said::Said {
    crate::said!("import-not-utf8")
}

/// A reader that decodes GB18030 to UTF-8 as it goes; malformed input is
/// an `InvalidData` error, never replaced silently.
struct Gb18030Reader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Gb18030Reader<R> {
    fn new(inner: R) -> Self {
        Gb18030Reader {
            inner,
            decoder: encoding_rs::GB18030.new_decoder_with_bom_removal(),
            input: vec![0; BUFFER],
            output: Vec::new(),
            pos: 0,
            done: false,
        }
    }

    /// Decodes the next chunk of input into `output`.
    fn refill(&mut self) -> std::io::Result<()> {
        let n = self.inner.read(&mut self.input)?;
        let last = n == 0;
        let room = self
            .decoder
            .max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(4 * n + 16);
        self.output.resize(room, 0);
        let (result, _read, written) = self.decoder.decode_to_utf8_without_replacement(
            &self.input[..n],
            &mut self.output,
            last,
        );
        if let encoding_rs::DecoderResult::Malformed(..) = result {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                crate::msg!(crate::messages::language(), "import-not-gbk"),
            ));
        }
        self.output.truncate(written);
        self.pos = 0;
        self.done = last;
        Ok(())
    }
}

impl<R: Read> Read for Gb18030Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.output.len() {
            if self.done {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.output.len() - self.pos);
        buf[..n].copy_from_slice(&self.output[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8], encoding: Encoding) -> Result<String> {
        let mut text = String::new();
        text_reader(bytes, encoding)?
            .read_to_string(&mut text)
            .map_err(|e| Error::invalid(e.to_string()))?;
        Ok(text)
    }

    #[test]
    fn bom_is_dropped_and_gb18030_decoded() {
        assert_eq!(
            read_all(b"\xEF\xBB\xBFa,b\n", Encoding::Utf8).unwrap(),
            "a,b\n"
        );
        let (gbk, _, _) = encoding_rs::GB18030.encode("投诉人,电话\n张三,1\n");
        assert_eq!(
            read_all(&gbk, Encoding::Gb18030).unwrap(),
            "投诉人,电话\n张三,1\n"
        );
    }

    #[test]
    fn empty_binary_and_malformed_inputs_are_refused() {
        assert!(
            read_all(b"", Encoding::Utf8)
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        assert!(
            read_all(b"PK\x03\x04\0\0", Encoding::Utf8)
                .unwrap_err()
                .to_string()
                .contains("binary")
        );
        assert!(read_all(b"\x81\x20", Encoding::Gb18030).is_err());
    }
}
