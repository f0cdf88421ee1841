import Foundation

/// Headless Chromium, driven from the command line: load a page, let it settle, then dump the
/// DOM or take a screenshot. No WebDriver, no network (the pages are local files and their CSP
/// forbids loads).
struct Chromium {
  /// The executable: `$PSEPHOS_CHROMIUM` when set (nil if it is not an executable), else the
  /// first of chromium, chromium-browser, google-chrome and google-chrome-stable on `PATH`.
  static let executable: URL? = {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["PSEPHOS_CHROMIUM"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
      for folder in folders {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      }
    }
    return nil
  }()

  /// Whether a Chromium was found.
  static var isInstalled: Bool { executable != nil }

  /// Where screenshots go: `.build/browser/` in the package.
  static let screenshotFolder = PsephosProcess.packageRoot.appendingPathComponent(
    ".build/browser")

  /// The DOM after the page at `file` loaded and ran whatever it was allowed to run.
  static func dumpDOM(of file: URL) throws -> String {
    try run(["--dump-dom", file.absoluteString])
  }

  /// Saves a screenshot of the page at `file`, `width` × `height` CSS pixels, to `png`.
  static func screenshot(of file: URL, to png: URL, width: Int = 1280, height: Int = 2400) throws {
    try FileManager.default.createDirectory(
      at: png.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? FileManager.default.removeItem(at: png)
    _ = try run([
      "--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars",
      file.absoluteString,
    ])
  }

  /// Runs Chromium headless with a throwaway profile; returns standard output. Gives up
  /// after two minutes.
  private static func run(_ arguments: [String]) throws -> String {
    guard let executable else { throw ChromiumError(message: "chromium is not installed") }
    let scratch = try TemporaryFolder()
    let output = scratch.url.appendingPathComponent("stdout")
    let errors = scratch.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    let process = Process()
    process.executableURL = executable
    process.arguments =
      [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-extensions",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--force-device-scale-factor=1", "--virtual-time-budget=3000",
        "--user-data-dir=\(scratch.url.appendingPathComponent("profile").path)",
      ] + arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw ChromiumError(message: "chromium did not finish within two minutes")
    }
    guard process.terminationStatus == 0 else {
      let log = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
      throw ChromiumError(
        message: "chromium exited with \(process.terminationStatus): \(log.suffix(2000))")
    }
    return String(decoding: try Data(contentsOf: output), as: UTF8.self)
  }
}

/// Chromium could not do what a test asked.
struct ChromiumError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
