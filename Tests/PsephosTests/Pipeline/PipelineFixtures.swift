import Foundation
import Testing

@testable import Psephos

/// Helpers for the batch pipeline tests.
enum PipelineFixtures {
  /// A temporary folder, removed when released.
  final class Folder {
    let path: String

    init() throws {
      path = FileManager.default.temporaryDirectory.path + "/psephos-pipeline-" + UUID().uuidString
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes bytes at a relative path and returns the full path.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
      let full = path + "/" + relative
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: full))
      return full
    }

    /// Writes text at a relative path and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
      try write(relative, Array(text.utf8))
    }

    /// Every file name under the folder, recursively, hidden ones included.
    func allFiles() -> [String] {
      (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
    }
  }

  /// A JSON Lines record.
  static func record(_ id: String, _ text: String) -> String {
    JSONValue.object(["id": .string(id), "text": .string(text)]).serialized()
  }

  /// Sentences with figures, varied by `index`.
  static func article(_ index: Int) -> String {
    "Article \(index). Labour won \(1_000 + index * 37) votes in Tooting, up \(index % 9) points."
      + " Turnout was \(40 + index % 30)%.\n\nMr Khan thanked \(index) volunteers."
  }

  /// Runs `psephos stream` in process over `input`, as if it were standard input.
  static func stream(
    _ input: String, source: BatchRunner.LineSource = .init(path: "-", idPrefix: nil),
    jobs: Int = 2, cache: AnalysisCache? = nil
  ) throws -> (output: String, summary: RunSummary) {
    let folder = try Folder()
    let path = try folder.write("stdin.jsonl", input)
    let descriptor = open(path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    let analyzer = Analyzer()
    let summary = StreamProcessor(
      runner: BatchRunner(jobs: jobs), source: source, cache: cache,
      analyze: { analyzer.analyze($0) }
    ).run(input: descriptor, write: { bytes += $0 }, flush: {}, note: { _ in })
    return (String(decoding: bytes, as: UTF8.self), summary)
  }

  /// Runs `psephos merge` in process over files holding `parts`.
  static func merge(_ parts: [String], output: PartialResultsMerger.Output = .report) throws
    -> String
  {
    let folder = try Folder()
    var paths: [String] = []
    for (index, part) in parts.enumerated() {
      paths.append(try folder.write("part-\(index).jsonl", part))
    }
    var bytes: [UInt8] = []
    _ = try PartialResultsMerger(output: output).merge(paths: paths) { bytes += $0 }
    return String(decoding: bytes, as: UTF8.self)
  }
}
