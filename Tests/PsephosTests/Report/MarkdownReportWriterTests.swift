import Testing

@testable import Psephos

@Suite struct MarkdownReportWriterTests {
  @Test(arguments: [
    ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
    ("[click](javascript:x)", "\\[click\\](javascript:x)"),
    ("a | b", "a \\| b"),
    ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
    ("&amp; ![img](x)", "\\&amp; \\!\\[img\\](x)"),
    ("two\nlines", "two lines"),
    ("Labour’s 60 per cent", "Labour’s 60 per cent"),
  ])
  func inlineTextCannotBecomeMarkup(text: String, escaped: String) {
    #expect(MarkdownReportWriter().inline(text) == escaped)
  }

  @Test(arguments: [
    ("a.txt", "`a.txt`"),
    ("odd`name", "``odd`name``"),
    ("`edge", "`` `edge ``"),
  ])
  func codeSpansUseALongerFenceThanTheirContent(text: String, code: String) {
    #expect(MarkdownReportWriter().code(text) == code)
  }

  @Test func listsEveryClaimWithVerdictSentenceAndEvidence() {
    let markdown = MarkdownReportWriter().write(ReportFixtures.gallery())
    #expect(markdown.contains("| inaccurate | 3 |"))
    #expect(
      markdown.contains(
        "- **inaccurate**: “5,120” (Jane Archer, majority, borsetshire-mayor-2024); results say 5,210."
      ))
    #expect(markdown.contains("  - `fixtures/borsetshire_results.csv:3`: 41,230 − 36,020 = 5,210"))
    #expect(markdown.contains("\\<script\\>document.title="))
    var outsideCode = ""
    for (index, part) in markdown.components(separatedBy: "`").enumerated() where index % 2 == 0 {
      outsideCode += part
    }
    let raw = outsideCode.unicodeScalars.indices.filter { index in
      let scalar = outsideCode.unicodeScalars[index]
      guard scalar == "<" || scalar == "[" else { return false }
      return index == outsideCode.unicodeScalars.startIndex
        || outsideCode.unicodeScalars[outsideCode.unicodeScalars.index(before: index)] != "\\"
    }
    #expect(raw.isEmpty, "an unescaped < or [ outside code could become HTML or a link")
  }

  @Test func listsAClaimWithoutAFigureQuotingItsWordsAndTheDataAnswer() throws {
    let (report, checked) = try ReportFixtures.councilControl()
    let writer = MarkdownReportWriter()
    let markdown = writer.write(report)
    let text = report.documents[0].document.text
    let about = [checked.claim.subject?.canonical, "council-control", checked.verdict.election]
      .compactMap { $0 }.joined(separator: ", ")
    let expected = try #require(checked.verdict.expectedText)
    #expect(
      markdown.contains(
        "- **\(checked.verdict.rating.rawValue)**: “\(writer.inline(text.string(checked.claim.keyRange)))” "
          + "(\(writer.inline(about))); results say \(writer.inline(expected)). "))
    #expect(markdown.contains("  > \(writer.inline(text.string(checked.claim.range)))\n"))
    let source = try #require(checked.verdict.evidence.first?.source)
    #expect(markdown.contains("  - \(writer.code(source)): "))
    #expect(markdown.contains("1 claim\n"))
  }
}
