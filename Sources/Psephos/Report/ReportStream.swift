import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the bytes of a report being streamed go: a file created for it (a report's temporary
/// file, or a spool of document sections to be copied after a head not yet known), memory, or
/// a consumer such as standard output.
///
/// Writes are buffered and reach a file or a consumer in blocks of about `blockSize` bytes, and
/// a spool is read back in blocks of that size. A class:
/// it owns a file descriptor and its buffer, and the writer that holds it is its only user.
final class ReportStream {
  /// The usual size of the blocks written to a file or a consumer and read back from a spool.
  static let defaultBlockSize = 1 << 20

  private enum Target {
    case memory
    case file(descriptor: Int32)
    case consumer(([UInt8]) -> Void)
    case closed
  }

  private var target: Target
  /// What has been written, in memory; for a file or a consumer, what is not yet passed on.
  private(set) var buffer: [UInt8] = []
  /// The file's path, if the stream writes one.
  let path: String?
  /// The path named in errors: the report's final name, not its temporary one.
  let reportPath: String
  /// The size of the blocks written and read back (smaller in tests).
  var blockSize = ReportStream.defaultBlockSize
  /// For tests: writing more than this many bytes in all fails as a full disk would.
  var byteLimit: Int?
  private var written = 0

  private init(target: Target, path: String?, reportPath: String) {
    self.target = target
    self.path = path
    self.reportPath = reportPath
  }

  deinit {
    if case .file(let descriptor) = target { _ = systemClose(descriptor) }
  }

  /// A stream that keeps what is written in `buffer`.
  static func memory(reportPath: String = "memory") -> ReportStream {
    ReportStream(target: .memory, path: nil, reportPath: reportPath)
  }

  /// A stream handing what is written to `consume` in blocks.
  static func consumer(
    reportPath: String, _ consume: @escaping ([UInt8]) -> Void
  ) -> ReportStream {
    ReportStream(target: .consumer(consume), path: nil, reportPath: reportPath)
  }

  /// Creates the file at `path` for reading and writing; fails if anything (a file, a link)
  /// is already there, so an existing file is never followed or overwritten.
  static func creatingFile(
    at path: String, reportPath: String
  ) throws(ReportWriteError) -> ReportStream {
    let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw ReportWriteError(path: reportPath, reason: "cannot write: \(Self.lastError())")
    }
    return ReportStream(target: .file(descriptor: descriptor), path: path, reportPath: reportPath)
  }

  /// Appends bytes.
  func write(_ bytes: some Collection<UInt8>) throws(ReportWriteError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= blockSize { try flush() }
  }

  /// Appends text as UTF-8.
  func write(_ text: String) throws(ReportWriteError) {
    try write(text.utf8)
  }

  /// A spool: a file in `folder` named `name`, created exclusively and unlinked at once, so it
  /// lives only as this open stream and nothing is left behind whatever happens. Errors name
  /// `reportPath`, or the spool's own path if none is given.
  static func spool(
    in folder: String, name: String, reportPath: String? = nil
  ) throws(ReportWriteError) -> ReportStream {
    let path = (folder as NSString).appendingPathComponent(name)
    let stream = try creatingFile(at: path, reportPath: reportPath ?? path)
    unlink(path)
    return stream
  }

  /// A token for the names of temporary files and spools: the process id and a random part.
  static func uniqueToken() -> String {
    "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
  }

  /// Appends everything written to `spool` so far, read back in blocks (never whole).
  ///
  /// Complexity: O(size of the spool), in memory of one block.
  func append(contentsOf spool: ReportStream) throws(ReportWriteError) {
    try flush()
    try spool.forEachBlock { block throws(ReportWriteError) in try pass(block) }
  }

  /// Hands everything written so far to `body` in blocks of at most `blockSize` bytes, in
  /// order: read back from the file with `pread` (the stream's own position is untouched, so
  /// writing may go on), or sliced from memory.
  ///
  /// Complexity: O(bytes written), in memory of one block.
  func forEachBlock(
    _ body: (ArraySlice<UInt8>) throws(ReportWriteError) -> Void
  ) throws(ReportWriteError) {
    try flush()
    guard case .file(let descriptor) = target else {
      var start = buffer.startIndex
      while start < buffer.endIndex {
        let end = min(start + blockSize, buffer.endIndex)
        try body(buffer[start..<end])
        start = end
      }
      return
    }
    var block = [UInt8](repeating: 0, count: blockSize)
    var offset: off_t = 0
    while true {
      let count = block.withUnsafeMutableBytes { raw in
        pread(descriptor, raw.baseAddress, raw.count, offset)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw ReportWriteError(
          path: reportPath, reason: "cannot read back \(path ?? ""): \(Self.lastError())")
      }
      if count == 0 { break }
      offset += off_t(count)
      try body(block[..<count])
    }
  }

  /// Passes the buffered bytes on to the file or consumer.
  func flush() throws(ReportWriteError) {
    if case .memory = target { return }
    guard !buffer.isEmpty else { return }
    try pass(buffer[...])
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file (a no-op for memory and consumers).
  func close() throws(ReportWriteError) {
    try flush()
    guard case .file(let descriptor) = target else { return }
    target = .closed
    if systemClose(descriptor) != 0 {
      throw ReportWriteError(path: reportPath, reason: "cannot write: \(Self.lastError())")
    }
  }

  private func pass(_ bytes: ArraySlice<UInt8>) throws(ReportWriteError) {
    written += bytes.count
    if let byteLimit, written > byteLimit {
      throw ReportWriteError(path: reportPath, reason: "cannot write: No space left on device")
    }
    switch target {
    case .memory:
      buffer.append(contentsOf: bytes)
    case .closed:
      preconditionFailure("\(reportPath): written after it was closed")
    case .consumer(let consume):
      consume(Array(bytes))
    case .file(let descriptor):
      var failure: Int32 = 0
      bytes.withUnsafeBytes { raw in
        var start = 0
        while start < raw.count {
          let count = systemWrite(descriptor, raw.baseAddress! + start, raw.count - start)
          if count < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          start += count
        }
      }
      if failure != 0 {
        throw ReportWriteError(
          path: reportPath, reason: "cannot write: \(String(cString: strerror(failure)))")
      }
    }
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}

private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
