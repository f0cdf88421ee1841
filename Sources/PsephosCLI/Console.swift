import Foundation

/// Where a command's output goes: standard output and standard error, or memory for tests.
///
/// Standard output is buffered and written in large blocks; standard error is written at once,
/// so messages appear in order with the work that caused them.
final class Console {
  private enum Sink {
    case standardStreams
    case memory
  }

  private let sink: Sink
  private var pending: [UInt8] = []
  /// Everything written to standard output, when capturing.
  private(set) var capturedOutput = ""
  /// Everything written to standard error, when capturing.
  private(set) var capturedError = ""

  private init(sink: Sink) {
    self.sink = sink
  }

  /// A console writing to the process's standard output and standard error.
  static func standard() -> Console { Console(sink: .standardStreams) }

  /// A console keeping everything in memory, for tests.
  static func capturing() -> Console { Console(sink: .memory) }

  /// Writes to standard output.
  func output(_ text: String) {
    switch sink {
    case .memory:
      capturedOutput += text
    case .standardStreams:
      pending.append(contentsOf: text.utf8)
      if pending.count >= 1 << 16 { flush() }
    }
  }

  /// Writes bytes to standard output.
  func output(bytes: [UInt8]) {
    switch sink {
    case .memory:
      capturedOutput += String(decoding: bytes, as: UTF8.self)
    case .standardStreams:
      pending.append(contentsOf: bytes)
      if pending.count >= 1 << 16 { flush() }
    }
  }

  /// Writes to standard error, after flushing standard output.
  func error(_ text: String) {
    switch sink {
    case .memory:
      capturedError += text
    case .standardStreams:
      flush()
      FileHandle.standardError.write(Data(text.utf8))
    }
  }

  /// Whether standard error is a terminal (never for a capturing console): where a progress
  /// line may be drawn.
  var errorIsTerminal: Bool {
    sink == .standardStreams && isatty(2) == 1
  }

  /// Writes any buffered standard output.
  func flush() {
    guard sink == .standardStreams, !pending.isEmpty else { return }
    FileHandle.standardOutput.write(Data(pending))
    pending.removeAll(keepingCapacity: true)
  }
}
