/// A document's text as the pipeline reads it: valid UTF-8, NFC, LF line endings.
///
/// All spans are byte ranges into `bytes`. For output, `codePointOffset(ofByte:)` converts a
/// byte offset into the Unicode code-point offset the JSON contract uses (Python's
/// `text[start:end]`). The conversion uses checkpoints every 64 bytes, so it is O(1) amortised
/// with at most 63 bytes scanned per call.
public struct SourceText: Sendable {
  /// The UTF-8 bytes of the normalised text.
  public let bytes: [UInt8]
  /// Code points before byte `i * checkpointStride`.
  private let checkpoints: [Int32]
  private static let checkpointStride = 64

  /// Wraps bytes that are already valid, normalised UTF-8.
  ///
  /// Complexity: O(n).
  public init(normalizedUTF8 bytes: [UInt8]) {
    self.bytes = bytes
    var checkpoints: [Int32] = []
    checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
    var scalars: Int32 = 0
    bytes.withUnsafeBufferPointer { buffer in
      for index in 0..<buffer.count {
        if index % Self.checkpointStride == 0 { checkpoints.append(scalars) }
        // Every byte that is not a continuation byte (10xxxxxx) starts a scalar.
        if buffer[index] & 0xC0 != 0x80 { scalars += 1 }
      }
    }
    checkpoints.append(scalars)
    self.checkpoints = checkpoints
    self.codePointCount = Int(scalars)
  }

  /// Wraps a Swift string, normalising nothing: use `TextNormalizer` for raw input.
  public init(_ string: String) {
    self.init(normalizedUTF8: Array(string.utf8))
  }

  /// The number of Unicode code points in the text.
  public let codePointCount: Int

  /// The text as a Swift string.
  public var string: String { String(decoding: bytes, as: UTF8.self) }

  /// The text of a byte range.
  public func string(_ range: ByteRange) -> String {
    String(decoding: bytes[range.start..<range.end], as: UTF8.self)
  }

  /// The Unicode code-point offset of a byte offset (which must start a scalar or be the end).
  ///
  /// Complexity: O(1); scans at most 63 bytes.
  public func codePointOffset(ofByte offset: Int) -> Int {
    precondition(offset >= 0 && offset <= bytes.count, "byte offset \(offset) outside text")
    if offset == bytes.count { return codePointCount }
    let block = offset / Self.checkpointStride
    var scalars = Int(checkpoints[block])
    var index = block * Self.checkpointStride
    while index < offset {
      if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
      index += 1
    }
    return scalars
  }

  /// The code-point offsets of a byte range, for output.
  public func codePointRange(_ range: ByteRange) -> Range<Int> {
    codePointOffset(ofByte: range.start)..<codePointOffset(ofByte: range.end)
  }

  /// The 1-based line and column (in code points) of a byte offset, for messages.
  ///
  /// Complexity: O(n); meant for error reporting, not the hot path.
  public func lineAndColumn(ofByte offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    return (line, codePointOffset(ofByte: offset) - codePointOffset(ofByte: lineStart) + 1)
  }
}
