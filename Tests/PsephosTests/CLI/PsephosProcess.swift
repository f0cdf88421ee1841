import Foundation
import Testing

/// Runs the built `psephos` binary, as a user would, and captures what it did.
struct PsephosProcess {
  /// What one run printed and returned.
  struct Result {
    var status: Int32
    var output: String
    var error: String
  }

  /// The package root: the nearest folder above this file holding `Package.swift`.
  static let packageRoot: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
      {
        return folder
      }
      folder.deleteLastPathComponent()
    }
    preconditionFailure("no Package.swift above \(#filePath)")
  }()

  /// The `psephos` executable `swift build` / `swift test` built: `$PSEPHOS_BINARY` if set, else
  /// the one beside the test bundle (the bundle's folder on Linux, its parent for a macOS
  /// `.xctest` bundle), else beside the test runner, else `.build/debug/psephos`.
  static let executable: URL? = {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["PSEPHOS_BINARY"] {
      candidates.append(URL(fileURLWithPath: path))
    }
    let bundle = Bundle.main.bundleURL
    candidates.append(bundle.appendingPathComponent("psephos"))
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("psephos"))
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      candidates.append(
        bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("psephos"))
    }
    if let runner = CommandLine.arguments.first {
      candidates.append(
        URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("psephos"))
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/psephos"))
    return candidates.first { candidate in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
        && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: candidate.path)
    }
  }()

  /// Runs `psephos` with arguments in a folder, feeding `input` on standard input.
  ///
  /// Output goes through files rather than pipes, so a large report cannot block the child.
  static func run(
    _ arguments: [String], in folder: URL, input: String = ""
  ) throws -> Result {
    try run(arguments, in: folder, bytes: Array(input.utf8))
  }

  /// Runs `psephos` with arguments in a folder, feeding `bytes` (any bytes, not only UTF-8) on
  /// standard input; `launcher` is a command line that runs it (`setpriv ...`), if any.
  static func run(
    _ arguments: [String], in folder: URL, bytes input: [UInt8], launcher: [String] = []
  ) throws -> Result {
    let executable = try #require(executable, "build the psephos product first (swift build)")
    let scratch = try TemporaryFolder()
    let outputURL = scratch.url.appendingPathComponent("stdout")
    let errorURL = scratch.url.appendingPathComponent("stderr")
    let inputURL = scratch.url.appendingPathComponent("stdin")
    try Data(input).write(to: inputURL)
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

    let process = Process()
    if let program = launcher.first {
      process.executableURL = URL(fileURLWithPath: program)
      process.arguments = launcher.dropFirst() + [executable.path] + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    process.currentDirectoryURL = folder
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      error: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }
}

/// A folder under the system's temporary folder, removed when the value is released.
final class TemporaryFolder {
  /// The folder.
  let url: URL

  /// Creates an empty folder.
  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("psephos-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes a file (creating folders on the way) and returns its URL.
  @discardableResult
  func write(_ bytes: [UInt8], to relativePath: String) throws -> URL {
    let file = url.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file
  }

  /// Writes a UTF-8 text file and returns its URL.
  @discardableResult
  func write(_ text: String, to relativePath: String) throws -> URL {
    try write(Array(text.utf8), to: relativePath)
  }
}
