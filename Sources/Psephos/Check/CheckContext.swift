/// What the cross-check knows about the article a claim comes from: when it was written.
///
/// The date places relative references ("last night's results" is the election just before
/// it; "the last time these councils elected" the one before that) and bounds tenures and
/// victories ("has been Tory for eight years" counts up to the article). Without a date those
/// are left to the data: the check searches for the election that fits.
///
/// The kinds and years of election the article's other claims name explicitly narrow a claim
/// that names none: a small number ("12 seats") is looked for in those elections first, since
/// some unrelated election holds almost any small number.
public struct CheckContext: Hashable, Sendable {
  /// The article's date, ISO 8601 (`2016-05-06`), if known.
  public var documentDate: String?
  /// The kinds of election the article's claims name.
  public var documentKinds: Set<ResultRecord.Election.Kind>
  /// The years of election the article's claims name.
  public var documentYears: Set<Int>

  /// Creates a context.
  public init(
    documentDate: String? = nil, documentKinds: Set<ResultRecord.Election.Kind> = [],
    documentYears: Set<Int> = []
  ) {
    self.documentDate = documentDate
    self.documentKinds = documentKinds
    self.documentYears = documentYears
  }

  /// The context of a document with this metadata and these claims.
  public init(metadata: Metadata, claims: [Claim] = []) {
    let elections = claims.filter { $0.category == .electionResult }.map(\.election)
    self.init(
      documentDate: metadata.date, documentKinds: Set(elections.compactMap(\.kind)),
      documentYears: Set(elections.compactMap(\.year)))
  }

  /// The article's year, if its date is known.
  public var documentYear: Int? {
    guard let documentDate, documentDate.count >= 4 else { return nil }
    return Int(documentDate.prefix(4))
  }
}
