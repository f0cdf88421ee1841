import Dispatch
import Foundation
import Testing

@testable import Psephos

@Suite struct BatchRunnerTests {
  /// A compact description of each event, in order.
  private func events(_ inputs: [Input], jobs: Int) -> [String] {
    var out: [String] = []
    BatchRunner(jobs: jobs).run(
      inputs, process: { document in "\(document.id) \(document.text.bytes.count)" },
      emit: { event in
        switch event.kind {
        case .document(let text): out.append("doc \(text) line \(event.line ?? 0)")
        case .failure(let failure): out.append("fail \(failure)")
        case .blank: out.append("blank \(event.line ?? 0)")
        case .endOfInput: out.append("end \(event.inputIndex)")
        }
      })
    return out
  }

  @Test func resultsComeBackInInputOrderWhateverTheNumberOfJobs() throws {
    let folder = try PipelineFixtures.Folder()
    for index in 0..<25 {
      try folder.write("in/\(String(format: "%02d", index)).txt", PipelineFixtures.article(index))
    }
    let lines = (0..<30).map { PipelineFixtures.record("r\($0)", PipelineFixtures.article($0)) }
    try folder.write("in/feed.jsonl", lines.joined(separator: "\n"))
    try folder.write("in/zz.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])
    let inputs = Ingester().inputs(from: [folder.path + "/in"]).inputs
    let one = events(inputs, jobs: 1)
    #expect(one.count == 25 + 30 + 1 + 1)
    #expect(one.first == "doc 00.txt \(PipelineFixtures.article(0).utf8.count) line 0")
    #expect(one.contains("doc feed.jsonl#r29 \(PipelineFixtures.article(29).utf8.count) line 30"))
    for jobs in [2, 3, 7] {
      #expect(events(inputs, jobs: jobs) == one, "jobs \(jobs)")
    }
  }

  @Test func aJSONLFileGivesTheDocumentsAndFailuresTheIngesterGives() throws {
    let folder = try PipelineFixtures.Folder()
    let lines = [
      PipelineFixtures.record("a", "Labour won."), "", "{not json",
      PipelineFixtures.record("b", "Turnout rose."), #"{"id":"c","text":5}"#,
      PipelineFixtures.record("a", "Again."), #"{"text":"No id."}"#, "[1,2]",
    ]
    try folder.write("feed.jsonl", lines.joined(separator: "\r\n") + "\n")
    let inputs = Ingester().inputs(from: [folder.path + "/feed.jsonl"]).inputs
    let expected = Ingester().read(inputs[0]).map { result -> String in
      switch result {
      case .success(let document): "doc \(document.id) \(document.text.bytes.count)"
      case .failure(let failure): "fail \(failure)"
      }
    }
    let got = events(inputs, jobs: 3).filter { !$0.hasPrefix("blank") && !$0.hasPrefix("end") }
      .map { $0.hasPrefix("doc") ? String($0[..<$0.range(of: " line ")!.lowerBound]) : $0 }
    #expect(got == expected)
    #expect(got.contains { $0.contains(#"id "a" was already used on line 1"#) })
  }

  @Test func keyedLinesTakeTheirNumbersFromTheKeyAndLeaveRepeatedIDsToMerge() throws {
    let input = [
      "41\t" + PipelineFixtures.record("a", "One."), "42\t", "43\t{oops",
      "44\t" + PipelineFixtures.record("a", "Two."), "no key here",
    ].joined(separator: "\n")
    let source = BatchRunner.LineSource(
      path: "feed.jsonl", idPrefix: "feed.jsonl", isKeyed: true, checksRepeatedIDs: false)
    let (output, _) = try PipelineFixtures.stream(input, source: source)
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[0].hasPrefix(#"{"document":{"#) && lines[0].hasSuffix(#","line":41}"#))
    #expect(lines[0].contains(#""id":"feed.jsonl#a""#))
    #expect(lines[1] == #"{"line":42,"skipped":"blank line"}"#)
    #expect(
      lines[2].hasPrefix(#"{"error":{"line":43,"path":"feed.jsonl","reason":"not valid JSON"#))
    #expect(lines[3].hasSuffix(#","line":44}"#) && lines[3].contains(#""id":"feed.jsonl#a""#))
    #expect(lines[4].contains("(--keyed)") && lines[4].hasSuffix(#""line":5}"#))
  }

  @Test func binaryLinesAndLinesOverTheLimitAreErrorLinesNotCrashes() throws {
    var input = PipelineFixtures.record("a", "Fine.") + "\n"
    input += String(decoding: [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x0A], as: UTF8.self)
    input += PipelineFixtures.record("big", String(repeating: "x", count: 500)) + "\n"
    input += PipelineFixtures.record("b", "Also fine.") + "\n"
    let folder = try PipelineFixtures.Folder()
    let path = try folder.write("in.jsonl", input)
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    let runner = BatchRunner(ingester: Ingester(options: .init(maxDocumentBytes: 100)), jobs: 2)
    var kinds: [String] = []
    runner.run(
      lines: descriptor, source: .init(path: "-", idPrefix: nil), process: { $0.id },
      emit: { event in
        switch event.kind {
        case .document(let id): kinds.append("doc \(id)")
        case .failure(let failure): kinds.append("fail \(failure.line ?? 0) \(failure.reason)")
        case .blank: kinds.append("blank")
        case .endOfInput: kinds.append("end")
        }
      })
    #expect(kinds.count == 5)
    #expect(kinds[0] == "doc a")
    #expect(kinds[1] == "fail 2 binary, not text: NUL byte at offset 4")
    #expect(kinds[2].hasPrefix("fail 3 ") && kinds[2].contains("over the maximum document size"))
    #expect(kinds[3] == "doc b")
    #expect(kinds[4] == "end")
  }

  @Test func answersEachLineAsSoonAsTheInputPausesSoACoProcessCanWaitForIt() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    let (readEnd, writeEnd) = (fds[0], fds[1])
    let answered = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    let lines = LockedLines()
    DispatchQueue.global().async {
      let analyzer = Analyzer()
      _ = StreamProcessor(
        runner: BatchRunner(jobs: 2), source: .init(path: "-", idPrefix: nil),
        analyze: { analyzer.analyze($0) }
      ).run(
        input: readEnd, write: { lines.append($0) }, flush: { answered.signal() }, note: { _ in })
      finished.signal()
    }
    for index in 0..<3 {
      let line = PipelineFixtures.record("d\(index)", "Labour won \(index) seats.") + "\n"
      _ = line.utf8CString.withUnsafeBufferPointer {
        write(writeEnd, $0.baseAddress, line.utf8.count)
      }
      // The answer arrives while the writer keeps the pipe open.
      #expect(answered.wait(timeout: .now() + 30) == .success)
      #expect(lines.count == index + 1)
    }
    close(writeEnd)
    #expect(finished.wait(timeout: .now() + 30) == .success)
    close(readEnd)
    #expect(lines.count == 3)
  }
}

/// Output lines collected from another thread.
private final class LockedLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [[UInt8]] = []

  func append(_ line: [UInt8]) {
    lock.lock()
    lines.append(line)
    lock.unlock()
  }

  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return lines.count
  }
}
