import Foundation

/// Where a command's report goes: standard output, or a file in the `--out` folder.
final class ReportOutput {
  private let console: Console
  private let file: FileHandle?
  /// The file written, if any.
  let filePath: String?
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
      return
    }
    let path = (folder as NSString).appendingPathComponent(fileName)
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: folder, reason: "cannot create folder: \(error.localizedDescription)")
    }
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw OutputError(path: path, reason: "cannot create file")
    }
    file = handle
    filePath = path
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

  /// Writes what is buffered and closes the file; returns the failure, if writing failed.
  func close() -> OutputError? {
    guard let file else { return nil }
    flush(file)
    try? file.close()
    return failure
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
