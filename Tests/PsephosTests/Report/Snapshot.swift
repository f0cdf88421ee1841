import Foundation
import Testing

/// Compares report output with the reviewed files under `Tests/Snapshots/`.
///
/// When they differ the test fails with a unified diff; run
/// `PSEPHOS_UPDATE_SNAPSHOTS=1 swift test --filter Snapshot` to rewrite the files, then review
/// the change with `git diff Tests/Snapshots` before committing it.
enum Snapshot {
  /// `Tests/Snapshots/`, found from this file's path.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

  /// Whether the run rewrites snapshots instead of comparing.
  static var isUpdating: Bool {
    ProcessInfo.processInfo.environment["PSEPHOS_UPDATE_SNAPSHOTS"] == "1"
  }

  /// Checks `actual` against `Tests/Snapshots/<name>`, or writes it there when updating.
  static func check(
    _ actual: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let file = folder.appendingPathComponent(name)
    if isUpdating {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual).write(to: file)
      return
    }
    guard let expected = FileManager.default.contents(atPath: file.path) else {
      Issue.record(
        """
        No snapshot Tests/Snapshots/\(name). Create it with:
          PSEPHOS_UPDATE_SNAPSHOTS=1 swift test --filter Snapshot
        """, sourceLocation: sourceLocation)
      return
    }
    guard [UInt8](expected) != actual else { return }
    Issue.record(
      """
      Tests/Snapshots/\(name) differs from the output:
      \(diff(expected: [UInt8](expected), actual: actual, name: name))
      If the change is intended, regenerate and review it:
        PSEPHOS_UPDATE_SNAPSHOTS=1 swift test --filter Snapshot && git diff Tests/Snapshots
      """, sourceLocation: sourceLocation)
  }

  /// A unified diff from `diff -u` (at most 80 lines), or the first differing line if `diff`
  /// cannot be run.
  static func diff(expected: [UInt8], actual: [UInt8], name: String) -> String {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("psephos-snapshot-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    do {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      let old = scratch.appendingPathComponent("expected")
      let new = scratch.appendingPathComponent("actual")
      try Data(expected).write(to: old)
      try Data(actual).write(to: new)
      let output = scratch.appendingPathComponent("diff")
      _ = FileManager.default.createFile(atPath: output.path, contents: nil)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "diff", "-u", "--label", "snapshot/\(name)", "--label", "output/\(name)", old.path,
        new.path,
      ]
      process.standardOutput = try FileHandle(forWritingTo: output)
      try process.run()
      process.waitUntilExit()
      let lines = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false)
      let shown = lines.prefix(80).joined(separator: "\n")
      return lines.count > 80 ? shown + "\n... (\(lines.count - 80) more lines)" : shown
    } catch {
      let old = String(decoding: expected, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let new = String(decoding: actual, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let line =
        zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(old.count, new.count)
      let expectedLine = line < old.count ? String(old[line]) : "<end>"
      let actualLine = line < new.count ? String(new[line]) : "<end>"
      return "line \(line + 1):\n- \(expectedLine)\n+ \(actualLine)"
    }
  }
}
