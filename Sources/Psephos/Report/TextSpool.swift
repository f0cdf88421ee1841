import Foundation

/// Text appended in order to an unlinked temporary file and copied out in blocks at the end:
/// for a command's output that must come after something known only once every document is
/// read, without holding it in memory. A `ReportStream` spool; a class: it owns an open file.
public final class TextSpool {
  private let stream: ReportStream

  /// Creates the spool in `folder` (the system's temporary folder unless given), named after
  /// `part`; throws, naming it, if it cannot be created.
  public init(part: String, folder: String = NSTemporaryDirectory()) throws(ReportWriteError) {
    stream = try ReportStream.spool(
      in: folder, name: ".psephos-\(part).\(ReportStream.uniqueToken()).tmp")
  }

  /// Appends text; throws, naming the spool, if it cannot be written.
  public func write(_ text: String) throws(ReportWriteError) {
    try stream.write(text)
  }

  /// Hands everything written so far to `output`, in order, in blocks.
  ///
  /// Complexity: O(size of the spool), in memory of one block.
  public func copy(to output: ([UInt8]) -> Void) throws(ReportWriteError) {
    try stream.forEachBlock { output(Array($0)) }
  }
}
