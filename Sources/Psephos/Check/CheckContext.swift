/// What the cross-check knows about the article a claim comes from: when it was written.
///
/// The date places relative references ("last night's results" is the election just before
/// it; "the last time these councils elected" the one before that) and bounds tenures and
/// victories ("has been Tory for eight years" counts up to the article). Without a date those
/// are left to the data: the check searches for the election that fits.
public struct CheckContext: Hashable, Sendable {
  /// The article's date, ISO 8601 (`2016-05-06`), if known.
  public var documentDate: String?

  /// Creates a context.
  public init(documentDate: String? = nil) {
    self.documentDate = documentDate
  }

  /// The context of a document with this metadata.
  public init(metadata: Metadata) {
    self.init(documentDate: metadata.date)
  }

  /// The article's year, if its date is known.
  public var documentYear: Int? {
    guard let documentDate, documentDate.count >= 4 else { return nil }
    return Int(documentDate.prefix(4))
  }
}
