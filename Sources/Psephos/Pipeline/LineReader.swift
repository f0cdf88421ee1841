#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the lines of a descriptor one at a time, on demand (pull), holding at most one line of
/// `limit` bytes: what `psephos stream` reads standard input with and `psephos merge` reads
/// each part with.
///
/// Unlike a callback reader, it can tell its caller that the next line has not arrived yet (the
/// `idle` closure of `next(idle:)`), so a stream answers the lines it already has instead of
/// waiting for a full batch: a co-process that writes a line and waits for its answer works.
/// Line endings are LF; a last line without one counts; the line's bytes exclude the LF.
public struct LineReader {
  /// One line.
  public enum Line: Equatable, Sendable {
    /// The line's bytes, without the line feed.
    case bytes([UInt8])
    /// A line longer than the limit (its length in bytes), not kept in memory.
    case tooLong(Int)
  }

  /// A read that failed: the system's message.
  public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The system's message ("Is a directory").
    public var message: String
    /// The message.
    public var description: String { message }
  }

  private let descriptor: Int32
  private let limit: Int
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var atEnd = false
  /// The 1-based number of the line `next` returned last (0 before the first).
  public private(set) var lineNumber = 0
  /// Bytes consumed so far, line feeds included.
  public private(set) var bytesRead = 0

  /// Reads from an open descriptor, which the caller closes; lines over `limit` bytes are
  /// reported by length and skipped.
  public init(descriptor: Int32, limit: Int, chunkSize: Int = 1 << 16) {
    precondition(limit >= 0 && chunkSize > 0)
    self.descriptor = descriptor
    self.limit = limit
    buffer = [UInt8](repeating: 0, count: chunkSize)
  }

  /// The next line, or nil at the end of the input. `idle` is called (at most once per call)
  /// just before waiting for input that has not arrived yet.
  ///
  /// Complexity: O(line length), amortised.
  public mutating func next(idle: () -> Void = {}) throws(ReadError) -> Line? {
    var line: [UInt8] = []
    var overflow = 0
    var calledIdle = false
    var sawAny = false
    while true {
      if start < end {
        sawAny = true
        let newline = buffer[start..<end].firstIndex(of: 0x0A)
        let pieceEnd = newline ?? end
        let count = pieceEnd - start
        if overflow > 0 {
          overflow += count
        } else if line.count + count > limit {
          overflow = line.count + count
          line = []
        } else {
          line.append(contentsOf: buffer[start..<pieceEnd])
        }
        bytesRead += count
        start = pieceEnd
        if newline != nil {
          start += 1
          bytesRead += 1
          lineNumber += 1
          return overflow > 0 ? .tooLong(overflow) : .bytes(line)
        }
        continue
      }
      if atEnd {
        guard sawAny else { return nil }
        lineNumber += 1
        return overflow > 0 ? .tooLong(overflow) : .bytes(line)
      }
      if !calledIdle && !isReadable() {
        calledIdle = true
        idle()
      }
      try fill()
    }
  }

  /// Whether a read would return at once.
  private func isReadable() -> Bool {
    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&request, 1, 0) != 0
  }

  /// Reads the next chunk, waiting if needed; sets `atEnd` at the end of input.
  private mutating func fill() throws(ReadError) {
    start = 0
    end = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        end = count
        return
      }
      if count == 0 {
        atEnd = true
        return
      }
      let code = errno
      if code == EINTR { continue }
      if code == EAGAIN || code == EWOULDBLOCK {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, -1)
        continue
      }
      throw ReadError(message: String(cString: strerror(code)))
    }
  }
}
