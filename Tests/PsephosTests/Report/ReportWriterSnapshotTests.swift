import Foundation
import Testing

@testable import Psephos

/// Every report but the HTML page, compared with reviewed files under `Tests/Snapshots/`:
/// the bundled corpus as `psephos analyse --out` writes it, and the fixture gallery with an
/// entity of every type and a claim of every verdict.
///
/// Regenerate after an intended change with
/// `PSEPHOS_UPDATE_SNAPSHOTS=1 swift test --filter Snapshot`, and review `git diff`.
@Suite struct ReportWriterSnapshotTests {
  /// The files compared (the HTML page is checked by its own tests and in a browser).
  static let snapshotted = ReportSet.Report.all.filter { $0 != .html }

  @Test(arguments: snapshotted)
  func bundledCorpusReportMatchesItsSnapshot(_ kind: ReportSet.Report) throws {
    let files = try Self.corpusReports()
    let bytes = try #require(files[kind.fileName], "\(kind.fileName) was not written")
    try Snapshot.check(bytes, named: "corpus/\(kind.fileName)")
  }

  @Test(arguments: snapshotted)
  func galleryReportMatchesItsSnapshot(_ kind: ReportSet.Report) throws {
    let set = ReportSet(
      ReportFixtures.gallery(),
      options: ReportSet.Options(claimReviewAuthor: "Fixture Checkers", reviewDate: "2024-05-06"))
    try Snapshot.check(set.bytes(of: kind), named: "gallery/\(kind.fileName)")
  }

  /// Runs the built binary once on `Corpus/articles` from the package root and reads back
  /// every file it wrote.
  private static func corpusReports() throws -> [String: [UInt8]] {
    try CorpusRun.shared.files()
  }
}

/// One run of `psephos analyse Corpus/articles --out` shared by the snapshot tests.
final class CorpusRun: @unchecked Sendable {
  static let shared = CorpusRun()
  private let lock = NSLock()
  private var cached: [String: [UInt8]]?

  func files() throws -> [String: [UInt8]] {
    lock.lock()
    defer { lock.unlock() }
    if let cached { return cached }
    let scratch = try TemporaryFolder()
    let out = scratch.url.appendingPathComponent("reports")
    let result = try PsephosProcess.run(
      [
        "analyse", "Corpus/articles", "--out", out.path, "--claimreview-date", "2016-05-09",
        "--quiet",
      ], in: PsephosProcess.packageRoot)
    try #require(result.status == 0, "analyse failed: \(result.error)")
    var files: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
      files[name] = [UInt8](try Data(contentsOf: out.appendingPathComponent(name)))
    }
    cached = files
    return files
  }
}

extension ReportSet.Report: CustomTestStringConvertible {
  public var testDescription: String { fileName }
}
