/// A half-open range of UTF-8 byte offsets into a document's normalised text.
///
/// Every stage works on byte ranges; only output converts them to code-point offsets
/// (see `SourceText.codePointOffset(ofByte:)`).
public struct ByteRange: Hashable, Sendable, Comparable {
  /// The offset of the first byte.
  public var start: Int
  /// The offset one past the last byte.
  public var end: Int

  /// Creates a range; `start` must not exceed `end`.
  public init(_ start: Int, _ end: Int) {
    precondition(start <= end, "ByteRange start \(start) is after end \(end)")
    self.start = start
    self.end = end
  }

  /// Creates a range whose bounds the caller has already ordered (scanners' hot paths).
  @inline(__always)
  init(uncheckedStart start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// The number of bytes covered.
  public var count: Int { end - start }

  /// Whether the range covers no bytes.
  public var isEmpty: Bool { start == end }

  /// Whether `offset` lies inside the range.
  public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

  /// Whether the two ranges share at least one byte.
  public func overlaps(_ other: ByteRange) -> Bool { start < other.end && other.start < end }

  /// The smallest range covering both.
  public func union(_ other: ByteRange) -> ByteRange {
    ByteRange(min(start, other.start), max(end, other.end))
  }

  public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }
}
