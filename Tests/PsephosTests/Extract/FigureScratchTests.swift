import Foundation
import Testing

@testable import Psephos

@Suite struct FigureScratchTests {
  @Test func dump() throws {
    var samples = (ProcessInfo.processInfo.environment["SCRATCH"] ?? "").components(
      separatedBy: "\n"
    ).filter { !$0.isEmpty }
    if let path = ProcessInfo.processInfo.environment["SCRATCH_FILE"] {
      samples = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        .filter { !$0.isEmpty }
    }
    for s in samples {
      let text = SourceText(s)
      let t = Tokenizer().tokenize(text)
      let (figures, findings) = FigureExtractor().figures(in: text, tokens: t)
      print(">> \(s)")
      for f in figures {
        print(
          "   [\(text.string(f.range))] \(f.kind.rawValue) value=\(f.value) unit=\(f.unit ?? "-") hedge=\(f.hedge?.rawValue ?? "-") vague=\(f.isVague) bounds=\(f.bounds.map { "\($0.lower)..\($0.upper)" } ?? "-") dir=\(f.direction?.rawValue ?? "-") cmp=\(f.comparison.map { text.string($0) } ?? "-") measure=\(f.measure ?? "-")"
        )
      }
      for f in findings { print("   !! \(f.severity) \(f.message)") }
    }
  }
}
