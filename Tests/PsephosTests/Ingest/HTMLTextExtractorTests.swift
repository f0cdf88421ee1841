import Testing

@testable import Psephos

extension IngestTests {
  @Suite struct HTMLTextExtractorTests {
    typealias F = IngestFixtures

    @Test(arguments: [
      ("Tom &amp; Jerry &lt;b&gt; &quot;q&quot; &apos;a&apos;", "Tom & Jerry <b> \"q\" 'a'"),
      (
        "Zac&rsquo;s &ldquo;win&rdquo; &ndash; &mdash; &hellip;",
        "Zac\u{2019}s \u{201C}win\u{201D} \u{2013} \u{2014} \u{2026}"
      ),
      (
        "&pound;2m &euro;5 &copy; &lsquo;x&rsquo;",
        "\u{00A3}2m \u{20AC}5 \u{00A9} \u{2018}x\u{2019}"
      ),
      ("a&nbsp;b", "a\u{00A0}b"),
      ("Zac&#8217;s &#x2019; &#X2019;", "Zac\u{2019}s \u{2019} \u{2019}"),
      ("&#146; is a Windows-1252 quote", "\u{2019} is a Windows-1252 quote"),
      ("&#0; &#xD800; &#x110000;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
      ("&bogus; &amp &; & alone &#; &#x;", "&bogus; &amp &; & alone &#; &#x;"),
      ("AT&T and R&D", "AT&T and R&D"),
    ])
    func decodesNamedAndNumericEntitiesAndKeepsUnknownOnesLiterally(html: String, text: String) {
      #expect(F.html("<p>\(html)</p>") == text)
    }

    @Test func dropsScriptsStylesNoscriptTemplatesAndComments() {
      let html = """
        <body><script>var x = "<p>not text</p>"; if (a < b) {}</script>
        <style>p { color: red }</style><noscript>Enable JavaScript</noscript>
        <template><p>hidden</p></template><!-- a comment <p>no</p> -->
        <p>Khan <SCRIPT type="x">1</SCRIPT >won.</p><svg><title>icon</title><text>svg</text></svg>
        </body>
        """
      #expect(F.html(html) == "Khan won.")
    }

    @Test func separatesBlockElementsWithABlankLineAndCollapsesInlineWhitespace() {
      let html = """
        <article><h1>The   count</h1>
        <p>Sadiq   Khan
           won <b>London</b>.</p><div>Turnout<br>was 45%.</div>
        <ul><li>one</li><li>two</li></ul><blockquote>quote</blockquote>
        <table><tr><td>Labour</td><td>1,148,716</td></tr></table><section>end</section></article>
        """
      let expected =
        "The count\n\nSadiq Khan won London.\n\nTurnout\n\nwas 45%.\n\none\n\ntwo\n\nquote\n\n"
        + "Labour 1,148,716\n\nend"
      #expect(F.html(html) == expected)
    }

    @Test func keepsInlineMarkupInsideWords() {
      #expect(
        F.html("<p>Gold<b>smith</b>'s <a href=\"x\">campaign</a>.</p>") == "Goldsmith's campaign.")
    }

    @Test func keepsWhitespaceInsidePre() {
      #expect(
        F.html("<p>a</p><pre>\nline 1\n  line 2</pre><p>b</p>") == "a\n\nline 1\n  line 2\n\nb")
    }

    @Test func readsTitleAndMetaIntoMetadataAndNotIntoTheText() {
      let html = """
        <!DOCTYPE html><html><head>
        <title>Results &amp; analysis | Site</title>
        <meta charset="utf-8">
        <meta name="author" content="Alex Crowley">
        <meta name="description" content="How London voted">
        <meta property="article:published_time" content="2016-05-06T09:00:00+01:00">
        <meta property="og:site_name" content="ConservativeHome">
        <link rel="canonical" href="https://example.org/a">
        </head><body><p>Body text.</p></body></html>
        """
      let extracted = HTMLTextExtractor.extract(Array(html.utf8))
      #expect(String(decoding: extracted.text, as: UTF8.self) == "Body text.")
      #expect(extracted.metadata.title == "Results & analysis | Site")
      #expect(extracted.metadata.author == "Alex Crowley")
      #expect(extracted.metadata.date == "2016-05-06")
      #expect(extracted.metadata.extra["published_time"] == "2016-05-06T09:00:00+01:00")
      #expect(extracted.metadata.publication == "ConservativeHome")
      #expect(extracted.metadata.url == "https://example.org/a")
      #expect(extracted.metadata.extra["description"] == "How London voted")
    }

    @Test func prefersTheOpenGraphTitleToTheTitleElement() {
      let html = """
        <head><title>Headline | Site</title><meta property='og:title' content='Headline'></head>
        """
      #expect(HTMLTextExtractor.extract(Array(html.utf8)).metadata.title == "Headline")
    }

    @Test func endsAnUnclosedHeadAtTheFirstBodyElement() {
      #expect(
        F.html("<head><title>T</title><p>Text after an unclosed head.")
          == "Text after an unclosed head.")
    }

    @Test(arguments: [
      ("<p>unclosed <b>bold", "unclosed bold"),
      ("<p>a < b and c > d</p>", "a < b and c > d"),
      ("text <!-- never closed", "text"),
      ("<p>x</p></div></div></p>y", "x\n\ny"),
      ("<script>never closed", ""),
      ("<p title='>'>quoted gt</p>", "quoted gt"),
      ("<p =x>odd attribute</p>", "odd attribute"),
      ("<", "<"),
      ("a</", "a</"),
      ("</>x<!---->y<!-->z<?php echo 1 ?>w", "xyzw"),
      ("<a href=\"unterminated>lost", ""),
    ])
    func survivesMalformedHTML(html: String, text: String) {
      #expect(F.html(html) == text)
    }

    @Test func handlesTenThousandNestedElementsWithoutRecursion() {
      let depth = 10_000
      let html =
        String(repeating: "<div><span>", count: depth) + "deep"
        + String(repeating: "</span></div>", count: depth) + String(repeating: "<b>", count: depth)
        + "bold"
      #expect(F.html(html) == "deep\n\nbold")
    }

    @Test func ingestsHTMLDocumentsWithOffsetsIntoTheExtractedText() throws {
      let html =
        "<html><head><title>T</title></head><body><p>Caf\u{0065}\u{0301} &amp; Khan</p></body>"
      let document = try #require(F.document(Array(html.utf8), format: .html).ingested)
      #expect(document.text.string == "Caf\u{00E9} & Khan")
      #expect(document.metadata.title == "T")
      #expect(document.text.codePointOffset(ofByte: document.text.bytes.count) == 11)
    }

    @Test func warnsWhenAPageHasNoTextOutsideTheMarkup() throws {
      let document = try #require(
        F.document(Array("<html><script>x()</script></html>".utf8), format: .html).ingested)
      #expect(document.text.bytes.isEmpty)
      #expect(document.findings.contains { $0.severity == .warning && $0.message.contains("HTML") })
    }
  }
}
