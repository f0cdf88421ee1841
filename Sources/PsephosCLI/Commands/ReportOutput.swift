import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command's report goes: standard output, or a file in the `--out` folder.
///
/// A file is written under a hidden temporary name in the folder (created exclusively, so an
/// existing file or link there is never followed) and renamed over its final name by `close()`
/// once it is whole; `discard()`, or a failed write, removes it instead. So the report in the
/// folder is either the one there before or a whole new one, never half a report, even if the
/// run stops on an error or is killed.
final class ReportOutput {
  private let console: Console
  private let file: FileHandle?
  /// The file written, if any.
  let filePath: String?
  /// Where the report is written until it is whole.
  private let temporaryPath: String?
  private var pending: [UInt8] = []
  /// Why writing the file failed, if it did.
  private(set) var failure: OutputError?

  /// Opens the destination: standard output when `folder` is nil, else `folder/fileName`,
  /// creating the folder if needed. Throws a message naming the path if it cannot be written.
  init(console: Console, folder: String?, fileName: String) throws(OutputError) {
    self.console = console
    guard let folder else {
      file = nil
      filePath = nil
      temporaryPath = nil
      return
    }
    let path = (folder as NSString).appendingPathComponent(fileName)
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: folder, reason: "cannot create folder: \(error.localizedDescription)")
    }
    let token = "\(getpid())-\(UUID().uuidString.prefix(8))"
    let temporary = (folder as NSString).appendingPathComponent(".\(fileName).\(token).tmp")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputError(
        path: path, reason: "cannot create file: \(String(cString: strerror(errno)))")
    }
    file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    filePath = path
    temporaryPath = temporary
  }

  /// Writes a whole report to standard output, or to `folder/fileName` with `--out`; prints
  /// why it could not and returns false if it could not.
  static func write(
    _ text: String, console: Console, folder: String?, fileName: String
  ) -> Bool {
    let output: ReportOutput
    do throws(OutputError) {
      output = try ReportOutput(console: console, folder: folder, fileName: fileName)
    } catch {
      console.error("\(error)\n")
      return false
    }
    output.write(text)
    if let failure = output.close() {
      console.error("\(failure)\n")
      return false
    }
    return true
  }

  /// Appends text to the report.
  func write(_ text: String) {
    guard let file else { return console.output(text) }
    pending.append(contentsOf: text.utf8)
    if pending.count >= 1 << 16 { flush(file) }
  }

  /// Appends bytes to the report.
  func write(bytes: [UInt8]) {
    guard let file else { return console.output(bytes: bytes) }
    pending.append(contentsOf: bytes)
    if pending.count >= 1 << 16 { flush(file) }
  }

  /// Writes what is buffered and puts the file in place; returns the failure, if writing
  /// failed (the file is then left as it was).
  func close() -> OutputError? {
    guard let file, let filePath, let temporaryPath else { return nil }
    flush(file)
    try? file.close()
    if failure == nil, rename(temporaryPath, filePath) != 0 {
      failure = OutputError(
        path: filePath, reason: "cannot replace: \(String(cString: strerror(errno)))")
    }
    if failure != nil { unlink(temporaryPath) }
    return failure
  }

  /// Drops the report: the file in the folder is left as it was.
  func discard() {
    guard let file, let temporaryPath else { return }
    try? file.close()
    unlink(temporaryPath)
  }

  private func flush(_ file: FileHandle) {
    guard failure == nil else { return }
    do {
      try file.write(contentsOf: pending)
    } catch {
      failure = OutputError(
        path: filePath ?? "", reason: "cannot write: \(error.localizedDescription)")
    }
    pending.removeAll(keepingCapacity: true)
  }
}

/// A report that could not be written.
struct OutputError: Error, CustomStringConvertible {
  /// The file or folder.
  var path: String
  /// What went wrong.
  var reason: String

  var description: String { "\(path): error: \(reason)" }
}
