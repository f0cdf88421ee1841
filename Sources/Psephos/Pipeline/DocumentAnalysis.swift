/// Everything the pipeline found in one document: the per-document output every report, the
/// stream mode and the indexes are made from.
public struct DocumentAnalysis: Sendable {
  /// The document as read.
  public var document: Document
  /// Its tokens, sentences and paragraphs.
  public var tokens: TokenizedText
  /// Every mention of a person, party, place or organisation, in text order.
  public var mentions: [Mention]
  /// Every figure it cites, in text order.
  public var figures: [Figure]
  /// The claims its figures make, each with its verdict against the results.
  public var claims: [CheckedClaim]
  /// The themes it is about, strongest first, with the terms that show it.
  public var themes: [ThemeScore]
  /// What ingest and extraction noticed: re-decoded text, numbers that are not figures.
  public var findings: [Finding]

  /// Creates an analysis.
  public init(
    document: Document, tokens: TokenizedText, mentions: [Mention], figures: [Figure],
    claims: [CheckedClaim], themes: [ThemeScore], findings: [Finding]
  ) {
    self.claims = claims
    self.themes = themes
    self.document = document
    self.tokens = tokens
    self.mentions = mentions
    self.figures = figures
    self.findings = findings
  }
}
