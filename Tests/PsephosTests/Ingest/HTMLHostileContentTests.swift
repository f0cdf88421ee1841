import Testing

@testable import Psephos

extension IngestTests {
  /// Hostile markup in a page must not reach the document's text or URL: no script, no event
  /// handler, no `javascript:` address. (Escaping what remains in reports is the reports' job:
  /// text such as "&lt;script&gt;" is decoded to "<script>", which is what the page says.)
  @Suite struct HTMLHostileContentTests {
    typealias F = IngestFixtures

    private static let markers = ["alert", "evil", "javascript", "onerror", "onclick", "<script"]

    private static func expectClean(
      _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
      for marker in markers {
        #expect(
          !text.lowercased().contains(marker), "\(marker) in \(text)",
          sourceLocation: sourceLocation)
      }
    }

    @Test(arguments: [
      "<p>Khan <script>alert('evil')</script>won.</p>",
      "<p>Khan <SCRIPT type=module>alert(1)</SCRIPT >won.</p>",
      "<p>Khan <script src=\"https://evil.example/x.js\"></script>won.</p>",
      "<p>Khan <script>document.write('</scr' + 'ipt><p>evil</p>')</script/>won.</p>",
      "<p>Khan <script><!-- alert(1) --></script>won.</p>",
      "<p>Khan <noscript><img src=x onerror=alert(1)></noscript>won.</p>",
      "<p>Khan <style>@import 'javascript:alert(1)';</style>won.</p>",
      "<p>Khan <iframe srcdoc=\"<script>alert(1)</script>\">evil</iframe>won.</p>",
      "<p>Khan <svg onload=alert(1)><script>alert(2)</script></svg>won.</p>",
      "<p>Khan <!--<script>alert(1)</script>-->won.</p>",
      "<p>Khan <template><script>alert(1)</script></template>won.</p>",
    ])
    func dropsScriptsWhateverTheirSpelling(html: String) {
      #expect(F.html(html) == "Khan won.")
      Self.expectClean(F.html(html))
    }

    @Test func dropsAnUnclosedScriptToTheEnd() {
      #expect(F.html("<p>Khan won.</p><script>alert('evil'); <p>more</p>") == "Khan won.")
    }

    @Test(arguments: [
      "<p onclick=\"alert('evil')\">Khan won.</p>",
      "<p ONMOUSEOVER=alert(1) class=x>Khan won.</p>",
      "<body onload='alert(1)'><p>Khan won.</p></body>",
      "<img src=x onerror=\"javascript:alert(1)\"><p>Khan won.</p>",
      "<p><a href=\"javascript:alert('evil')\">Khan won.</a></p>",
      "<p><a href=javascript:alert(1)>Khan</a> <a href='JaVaScRiPt:alert(1)'>won.</a></p>",
      "<form action=\"javascript:alert(1)\"><p>Khan won.</p><button formaction=javascript:alert(1)></form>",
      "<p><a href=\"&#106;avascript:alert(1)\" title=\"x\" onfocus=\"alert(1)\" autofocus>Khan won.</a></p>",
    ])
    func dropsEventHandlersAndJavaScriptLinksKeepingTheLinkText(html: String) {
      #expect(F.html(html) == "Khan won.")
      Self.expectClean(F.html(html))
    }

    @Test(arguments: [
      "<link rel=canonical href=\"javascript:alert('evil')\">",
      "<link rel=\"canonical\" href=\"  JavaScript:alert(1)\">",
      "<link rel=canonical href=\"&#106;avascript:alert(1)\">",
      "<link rel=canonical href=\"data:text/html,<script>alert(1)</script>\">",
      "<meta property=\"og:url\" content=\"javascript:alert(1)\">",
    ])
    func neverTakesANonWebAddressAsTheDocumentURL(head: String) {
      let page = "<html><head>\(head)</head><body><p>Khan won.</p></body></html>"
      let extracted = HTMLTextExtractor.extract(Array(page.utf8))
      #expect(extracted.metadata.url == nil)
      #expect(String(decoding: extracted.text, as: UTF8.self) == "Khan won.")
    }

    @Test func stillTakesAWebAddressAsTheDocumentURL() {
      let page = """
        <head><link rel="canonical" href="HTTPS://example.org/a">
        <meta property="og:url" content="https://example.org/b"></head><p>x</p>
        """
      #expect(HTMLTextExtractor.extract(Array(page.utf8)).metadata.url == "HTTPS://example.org/a")
      let og = "<head><meta property=\"og:url\" content=\"http://example.org/b\"></head><p>x</p>"
      #expect(HTMLTextExtractor.extract(Array(og.utf8)).metadata.url == "http://example.org/b")
    }
  }
}
