import Foundation

/// Turns raw bytes into the text every later stage trusts: valid UTF-8, LF line endings, NFC.
///
/// Ingest calls the three steps in order, with format-specific work (HTML extraction, front
/// matter) between line endings and NFC:
/// 1. `decode(_:)`: a UTF-8 byte-order mark is dropped; UTF-16 LE/BE is decoded when a BOM says
///    so, or (with a warning) when one byte of nearly every pair is NUL; bytes with NULs or many
///    control characters are rejected as binary; valid UTF-8 is kept byte for byte; anything
///    else is read as Windows-1252, with a warning.
/// 2. `normalizeLineEndings(_:)`: CRLF and lone CR become LF.
/// 3. `normalizeNFC(_:)`: Unicode NFC, skipped (no copy, no Foundation call) when every scalar
///    is one that NFC never changes, which is the case for nearly all English commentary.
///
/// Complexity: O(n) for each step; the ASCII fast paths read 8 bytes at a time.
enum TextNormalizer {
  /// Decoded bytes and what decoding noticed.
  struct Decoded {
    /// Valid UTF-8, without a byte-order mark.
    var bytes: [UInt8]
    /// Notes and warnings about the encoding.
    var findings: [Finding]
  }

  /// Why bytes are not a document.
  struct Rejection: Error, Equatable {
    /// What is wrong, for `IngestFailure.reason`.
    var reason: String
  }

  // MARK: - Decoding

  /// Decodes raw bytes to UTF-8, or rejects them as binary.
  static func decode(_ raw: [UInt8]) -> Result<Decoded, Rejection> {
    if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
      return decodeUTF8OrWindows1252(raw[3...], offset: 3)
    }
    if raw.starts(with: [0xFF, 0xFE]) {
      return decodeUTF16(raw[2...], bigEndian: false, how: "its byte-order mark")
    }
    if raw.starts(with: [0xFE, 0xFF]) {
      return decodeUTF16(raw[2...], bigEndian: true, how: "its byte-order mark")
    }
    if let bigEndian = utf16WithoutBOM(raw) {
      let guess = "guessed without a byte-order mark: one byte of nearly every pair is NUL"
      if case .success(var decoded) = decodeUTF16(raw[...], bigEndian: bigEndian, how: guess),
        !decoded.findings.contains(where: { $0.severity == .warning })
      {
        decoded.findings = decoded.findings.map { Finding(.warning, $0.message) }
        return .success(decoded)
      }
      // Not clean UTF-16 after all: fall through, where the NULs mark it binary.
    }
    return decodeUTF8OrWindows1252(raw[...], offset: 0)
  }

  /// Keeps valid UTF-8 as it is; reads anything else as Windows-1252 with a warning.
  private static func decodeUTF8OrWindows1252(_ body: ArraySlice<UInt8>, offset: Int) -> Result<
    Decoded, Rejection
  > {
    let binary = body.withUnsafeBufferPointer { binaryReason($0, offset: offset) }
    if let binary { return .failure(Rejection(reason: binary)) }
    let invalid = body.withUnsafeBufferPointer { firstInvalidUTF8Offset($0) }
    guard let invalid else { return .success(Decoded(bytes: Array(body), findings: [])) }
    let byte = body[body.startIndex + invalid]
    let hex = String(byte, radix: 16, uppercase: true)
    let message =
      "not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset + invalid)):"
      + " read as Windows-1252"
    return .success(
      Decoded(bytes: Windows1252.decode(body), findings: [Finding(.warning, message)]))
  }

  /// Decodes UTF-16 to UTF-8; invalid code units become U+FFFD with a warning.
  private static func decodeUTF16(_ body: ArraySlice<UInt8>, bigEndian: Bool, how: String)
    -> Result<Decoded, Rejection>
  {
    var units: [UInt16] = []
    units.reserveCapacity(body.count / 2)
    var index = body.startIndex
    while index + 1 < body.endIndex {
      let first = UInt16(body[index])
      let second = UInt16(body[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    var errors = body.count % 2
    var out: [UInt8] = []
    out.reserveCapacity(units.count + units.count / 2)
    var parser = UTF16.ForwardParser()
    var iterator = units.makeIterator()
    decoding: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        UTF8.appendEncoded(UTF16.decode(encoded).value, to: &out)
      case .error:
        errors += 1
        UTF8.appendEncoded(0xFFFD, to: &out)
      case .emptyInput:
        break decoding
      }
    }
    let binary = out.withUnsafeBufferPointer { binaryReason($0, offset: 0) }
    if let binary { return .failure(Rejection(reason: binary)) }
    let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
    var findings = [Finding(.note, "decoded as \(name) (\(how))")]
    if errors > 0 {
      findings.append(
        Finding(.warning, "\(errors) invalid \(name) code unit(s) replaced with U+FFFD"))
    }
    return .success(Decoded(bytes: out, findings: findings))
  }

  /// Whether the bytes look like BOM-less UTF-16 (true: big-endian), or nil.
  ///
  /// ASCII text in UTF-16 has a NUL in every pair. Nine pairs in ten must have their NUL on
  /// the same side, and no byte on the other side may be NUL.
  static func utf16WithoutBOM(_ raw: [UInt8]) -> Bool? {
    guard raw.count >= 4, raw.count % 2 == 0 else { return nil }
    var nulEven = 0
    var nulOdd = 0
    raw.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        if buffer[index] == 0 { nulEven += 1 }
        if buffer[index + 1] == 0 { nulOdd += 1 }
        index += 2
      }
    }
    let pairs = raw.count / 2
    if nulOdd * 10 >= pairs * 9 && nulEven == 0 { return false }
    if nulEven * 10 >= pairs * 9 && nulOdd == 0 { return true }
    return nil
  }

  /// Why decoded or raw bytes are binary rather than text, or nil.
  ///
  /// Binary: any NUL byte, or more than one byte in twenty a C0 control other than tab, line
  /// feed, vertical tab, form feed and carriage return (or DEL).
  static func binaryReason(_ buffer: UnsafeBufferPointer<UInt8>, offset: Int) -> String? {
    var controls = 0
    for index in 0..<buffer.count {
      let byte = buffer[index]
      if byte < 0x20 {
        if byte == 0 {
          return "binary, not text: NUL byte at offset \(offset + index)"
        }
        if byte < 0x09 || byte > 0x0D { controls += 1 }
      } else if byte == 0x7F {
        controls += 1
      }
    }
    if controls > 0 && controls * 20 > buffer.count {
      return "binary, not text: \(controls) of \(buffer.count) bytes are control characters"
    }
    return nil
  }

  /// The offset of the first byte that is not well-formed UTF-8 (no overlong forms,
  /// surrogates or values above U+10FFFF), or nil when all of it is.
  static func firstInvalidUTF8Offset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = buffer.count
    guard let base = buffer.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index < count {
      // Eight ASCII bytes at a time.
      if index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
      }
      let lead = buffer[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      func continuation(_ at: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
        at < count && buffer[at] >= low && buffer[at] <= high
      }
      switch lead {
      case 0xC2...0xDF:
        guard continuation(index + 1) else { return index }
        index += 2
      case 0xE0...0xEF:
        let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
        let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
        guard continuation(index + 1, low, high), continuation(index + 2) else { return index }
        index += 3
      case 0xF0...0xF4:
        let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
        let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
        guard continuation(index + 1, low, high), continuation(index + 2), continuation(index + 3)
        else { return index }
        index += 4
      default:
        return index
      }
    }
    return nil
  }

  // MARK: - Line endings

  /// Rewrites CRLF and lone CR as LF, in place. Complexity: O(n), no copy when there is no CR.
  static func normalizeLineEndings(_ bytes: inout [UInt8]) {
    guard let first = bytes.firstIndex(of: 0x0D) else { return }
    let kept = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
      var write = first
      var read = first
      while read < buffer.count {
        let byte = buffer[read]
        read += 1
        if byte == 0x0D {
          buffer[write] = 0x0A
          if read < buffer.count && buffer[read] == 0x0A { read += 1 }
        } else {
          buffer[write] = byte
        }
        write += 1
      }
      return write
    }
    bytes.removeSubrange(kept...)
  }

  // MARK: - NFC

  /// The text in Unicode Normalization Form C.
  ///
  /// Foundation's normaliser is slow (it builds a `String` and walks grapheme machinery), so it
  /// runs only when `mayNeedNFC(_:)` finds a scalar outside the ranges NFC leaves alone. Runs of
  /// more than 30 combining marks are broken first (see `CombiningMarks`), so the result is NFC
  /// of that stream-safe text.
  ///
  /// Foundation also takes time quadratic in the length of a string whose normal form differs
  /// (3 MB of decomposed accents: 37 s), so it is given chunks of about `chunkSize` bytes, each
  /// cut just before a scalar that NFC neither changes nor combines with what precedes it
  /// (`startsNormalizationChunk(_:)`). Chunks normalised apart join to the same text.
  ///
  /// Complexity: O(n × chunkSize) at worst; O(n) without a scan for text NFC leaves alone.
  static func normalizeNFC(_ bytes: [UInt8], chunkSize: Int = 8192) -> [UInt8] {
    guard mayNeedNFC(bytes) else { return bytes }
    var bytes = bytes
    CombiningMarks.breakLongRuns(&bytes)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var start = 0
    while start < bytes.count {
      let end = chunkEnd(in: bytes, from: start, size: chunkSize)
      let chunk = bytes[start..<end]
      if chunk.withUnsafeBufferPointer({ mayNeedNFC($0) }) {
        let string = String(decoding: chunk, as: UTF8.self)
        out.append(contentsOf: string.precomposedStringWithCanonicalMapping.utf8)
      } else {
        out.append(contentsOf: chunk)
      }
      start = end
    }
    return out
  }

  /// Where the chunk from `start` ends: before the first scalar at least `size` bytes on that
  /// starts a normalisation chunk, or at the end of the text.
  private static func chunkEnd(in bytes: [UInt8], from start: Int, size: Int) -> Int {
    var index = start + max(size, 1)
    while index < bytes.count {
      let lead = bytes[index]
      if lead & 0xC0 == 0x80 {  // Inside a scalar.
        index += 1
        continue
      }
      let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> UInt32(length))
      for offset in 1..<length where index + offset < bytes.count {
        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
      }
      if startsNormalizationChunk(value) { return index }
      index += length
    }
    return bytes.count
  }

  /// Whether text can be cut before scalar `value` and each side normalised on its own: NFC
  /// leaves it alone (`isStableUnderNFC(_:)`), or it is a letter of a script whose letters
  /// only ever combine with what follows them, never with what precedes (checked against the
  /// Unicode Character Database: combining class 0, decomposition starting with a starter,
  /// never the second half of a composition). Covering Greek, Cyrillic, Hebrew, Arabic, Thai,
  /// kana, CJK and Hangul keeps chunks short in text with few spaces or decomposed accents.
  static func startsNormalizationChunk(_ value: UInt32) -> Bool {
    switch value {
    case 0x0370..<0x0483, 0x0488..<0x0590,  // Greek, Cyrillic (not its combining marks), Armenian
      0x05D0..<0x05EB, 0x0620..<0x064B, 0x0E01..<0x0E2F,  // Hebrew, Arabic, Thai letters
      0x1100..<0x1113, 0xAC00..<0xD7A4,  // Hangul leading consonants and syllables
      0x1E00..<0x2000,  // Latin Extended Additional, Greek Extended
      0x3000..<0x302A, 0x3041..<0x3097, 0x30A1..<0x30FB,  // CJK punctuation, kana
      0x3400..<0x4DC0, 0x4E00..<0xA000:  // CJK ideographs
      true
    default:
      isStableUnderNFC(value)
    }
  }

  /// Whether NFC leaves scalar `value` alone whatever surrounds it: canonical combining class
  /// 0, its own NFC form, never the second half of a composition. See `mayNeedNFC(_:)`.
  static func isStableUnderNFC(_ value: UInt32) -> Bool {
    switch value {
    case 0..<0x300, 0x2002..<0x20D0, 0x2150..<0x2300, 0x2400..<0x2800, 0xFFFD,
      0x1F000..<0x1FB00:
      true
    default:
      false
    }
  }

  /// Whether the text has a scalar that NFC might change or combine with its neighbour.
  ///
  /// A conservative NFC quick check: false only when every scalar has canonical combining
  /// class 0, is its own NFC form, and is never the second half of a composition. That holds
  /// for U+0000–U+02FF (ASCII, Latin-1, Latin Extended, IPA, spacing modifiers), U+2002–U+20CF
  /// (punctuation such as ’ “ – — …, super- and subscripts, currency signs such as € and £'s
  /// neighbours), U+2150–U+22FF (number forms, arrows, mathematical operators),
  /// U+2400–U+27FF (box drawing, shapes, symbols, dingbats), U+FFFD and the emoji planes
  /// U+1F000–U+1FAFF. Anything else (Greek, Cyrillic, combining marks, Hangul, ...) takes the
  /// slow path, which is always correct.
  ///
  /// Complexity: O(n), 8 ASCII bytes at a time.
  static func mayNeedNFC(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { mayNeedNFC($0) }
  }

  /// Whether the text in `buffer` has a scalar that NFC might change; see `mayNeedNFC(_:)`.
  static func mayNeedNFC(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = buffer.count
    guard let base = buffer.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index < count {
      if index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
      }
      let lead = buffer[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // The input is valid UTF-8: decode one scalar.
      var value: UInt32
      var length: Int
      if lead < 0xE0 {
        value = UInt32(lead & 0x1F)
        length = 2
      } else if lead < 0xF0 {
        value = UInt32(lead & 0x0F)
        length = 3
      } else {
        value = UInt32(lead & 0x07)
        length = 4
      }
      for offset in 1..<length where index + offset < count {
        value = value << 6 | UInt32(buffer[index + offset] & 0x3F)
      }
      index += length
      if !isStableUnderNFC(value) { return true }
    }
    return false
  }

  // MARK: - Emptiness

  /// Whether the text is empty or only whitespace (ASCII whitespace, no-break space,
  /// zero-width space, byte-order mark).
  static func isBlank(_ bytes: [UInt8]) -> Bool {
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x09...0x0D, 0x20:
        index += 1
      case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0:
        index += 2
      case 0xE2
      where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x8B:
        index += 3
      case 0xEF
      where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
        index += 3
      default:
        return false
      }
    }
    return true
  }
}
