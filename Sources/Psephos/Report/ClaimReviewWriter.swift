/// Writes `claimreview.jsonld`: a JSON array holding one schema.org `ClaimReview` per checked
/// claim (every verdict but `not-election-result`), in document and text order.
///
/// Each review has `claimReviewed` (the sentence that makes the claim, whether it cites a figure
/// or not: "Labour lost control in Dudley"), `reviewRating` (a `Rating` whose `alternateName`
/// is the verdict, with `ratingExplanation`, and for `accurate`, `accurate-rounded` and
/// `inaccurate` a `ratingValue` of 5, 4 or 1 out of 5), `reviewBody` (the explanation and the
/// evidence records), `itemReviewed` (a `Claim` with its `author` when the text attributes it,
/// and its `appearance`: the article, with headline, URL, author and date where known),
/// `author` (the reviewing organisation) and `datePublished`.
///
/// The output is deterministic: the review date is given, never read from the clock here.
public struct ClaimReviewWriter: Sendable {
  /// The organisation publishing the reviews.
  public var author: String
  /// The reviews' `datePublished`, ISO 8601 (`2016-05-09`).
  public var datePublished: String

  /// Creates a writer.
  public init(author: String = "Psephos", datePublished: String) {
    self.author = author
    self.datePublished = datePublished
  }

  /// The reviews of every checked claim, as a JSON value (an array).
  ///
  /// Complexity: linear in the claims and their evidence.
  public func reviews(_ report: CorpusReport) -> JSONValue {
    .array(report.documents.flatMap(reviews(in:)))
  }

  /// The file: the reviews, pretty-printed (`reviewBytes(_:first:)` for each review, then
  /// `closing(wroteReviews:)`).
  public func write(_ report: CorpusReport) -> [UInt8] {
    ReportSetWriter.bytes(
      of: .claimReview, report: report,
      options: ReportSet.Options(claimReviewAuthor: author, reviewDate: datePublished))
  }

  // MARK: - Pieces, for writing the file a review at a time

  /// The reviews of one document's checked claims, in text order.
  func reviews(in document: ReportDocument) -> [JSONValue] {
    document.claims.filter(\.verdict.rating.isChecked).map { review($0, in: document) }
  }

  /// One review as an element of the pretty-printed array, with what comes before it: `[` for
  /// the first, `,` for the others.
  ///
  /// The array never fits on one line (a review alone is far wider than the line width), so
  /// it has one review per line, exactly as `JSONValue.write(to:style:)` prints it.
  func reviewBytes(_ review: JSONValue, first: Bool) -> [UInt8] {
    guard case .pretty(let width) = JSONValue.Style.pretty else { preconditionFailure() }
    var bytes: [UInt8] = first ? Array("[\n  ".utf8) : Array(",\n  ".utf8)
    review.writePretty(to: &bytes, indent: 2, column: 2, width: width)
    return bytes
  }

  /// The end of the file: `[]` with no reviews, else the array's end; then a newline.
  func closing(wroteReviews: Bool) -> [UInt8] {
    Array((wroteReviews ? "\n]\n" : "[]\n").utf8)
  }

  private func review(_ checked: CheckedClaim, in document: ReportDocument) -> JSONValue {
    let text = document.document.text
    let verdict = checked.verdict
    var rating: [String: JSONValue] = [
      "@type": "Rating",
      "alternateName": .string(verdict.rating.rawValue),
      "ratingExplanation": .string(verdict.explanation),
    ]
    if let value = Self.ratingValue(verdict.rating) {
      rating["ratingValue"] = .integer(value)
      rating["bestRating"] = 5
      rating["worstRating"] = 1
    }
    var body = verdict.explanation
    for evidence in verdict.evidence { body += "\n" + evidence.source + ": " + evidence.arithmetic }
    var item: [String: JSONValue] = [
      "@type": "Claim",
      "appearance": appearance(document.document.metadata),
    ]
    if let speaker = checked.attributedTo { item["author"] = Self.person(speaker) }
    if let date = document.document.metadata.date { item["datePublished"] = .string(date) }
    return .object([
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      "author": ["@type": "Organization", "name": .string(author)],
      "claimReviewed": .string(text.string(checked.claim.range)),
      "datePublished": .string(datePublished),
      "itemReviewed": .object(item),
      "reviewBody": .string(body),
      "reviewRating": .object(rating),
    ])
  }

  /// The article the claim appears in: `CreativeWork` with what is known of it.
  private func appearance(_ metadata: Metadata) -> JSONValue {
    var work: [String: JSONValue] = ["@type": "CreativeWork"]
    if let title = metadata.title { work["headline"] = .string(title) }
    if let url = metadata.url { work["url"] = .string(url) }
    if let author = metadata.author { work["author"] = Self.person(author) }
    if let date = metadata.date { work["datePublished"] = .string(date) }
    if let publication = metadata.publication {
      work["publisher"] = ["@type": "Organization", "name": .string(publication)]
    }
    return .object(work)
  }

  private static func person(_ name: String) -> JSONValue {
    ["@type": "Person", "name": .string(name)]
  }

  /// 5 for accurate, 4 for accurate-rounded, 1 for inaccurate; nil for the verdicts that are
  /// not a point on that scale.
  static func ratingValue(_ rating: Verdict.Rating) -> Int? {
    switch rating {
    case .accurate: 5
    case .accurateRounded: 4
    case .inaccurate: 1
    case .unverifiable, .notElectionResult: nil
    }
  }
}
