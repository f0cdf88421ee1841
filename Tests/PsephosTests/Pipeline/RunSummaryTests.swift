import Testing

@testable import Psephos

@Suite struct RunSummaryTests {
  @Test func listsDocumentsCacheHitsFailuresWithReasonsVerdictsTimeAndThroughput() {
    var summary = RunSummary()
    let document: JSONValue = [
      "claims": [["verdict": "inaccurate"], ["verdict": "accurate"], ["verdict": "accurate"]]
    ]
    summary.add(bytes: 2_000_000, verdicts: DocumentRecord.verdicts(in: document), fromCache: true)
    summary.add(bytes: 2_000_000, verdicts: ["not-election-result": 1], fromCache: false)
    summary.failures = [
      IngestFailure(path: "b.txt", reason: "binary, not text: NUL byte at offset 4")
    ]
    summary.elapsed = .seconds(2)
    #expect(
      summary.rendered() == """
        Done: 2 documents (1 from the cache), 1 failed, 2.00 s, 2.0 MB/s, 1.0 documents/s.
        Claims by verdict: accurate 2, inaccurate 1, not-election-result 1.
        Failed:
          b.txt: error: binary, not text: NUL byte at offset 4

        """)
  }

  @Test func saysSoWhenThereAreNoClaimsAndCutsLongFailureLists() {
    var summary = RunSummary()
    summary.failures = (1...25).map { IngestFailure(path: "feed.jsonl", line: $0, reason: "bad") }
    let text = summary.rendered(listing: 3)
    #expect(text.contains("Done: 0 documents, 25 failed"))
    #expect(text.contains("Claims by verdict: no claims."))
    #expect(text.contains("feed.jsonl:3: error: bad\n  ... and 22 more\n"))
    #expect(!text.contains("feed.jsonl:4:"))
  }

  @Test func verdictsKeepTheDesignOrderThenOthersByName() {
    var summary = RunSummary()
    summary.verdicts = ["zeta": 1, "unverifiable": 2, "accurate-rounded": 3, "alpha": 4]
    #expect(
      summary.verdictsInOrder.map(\.verdict) == RunSummary.verdictOrder + ["alpha", "zeta"])
    #expect(summary.verdictsInOrder.map(\.count) == [0, 3, 0, 2, 0, 4, 1])
  }

  @Test func longRunsShowMinutesAndHours() {
    #expect(RunSummary.time(.seconds(185)) == "3 min 05 s")
    #expect(RunSummary.time(.seconds(7_260)) == "2 h 01 min")
    #expect(RunSummary.time(.milliseconds(420)) == "0.42 s")
  }
}
