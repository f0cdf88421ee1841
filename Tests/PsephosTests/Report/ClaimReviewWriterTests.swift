import Foundation
import Testing

@testable import Psephos

@Suite struct ClaimReviewWriterTests {
  static func reviews() throws -> [[String: Any]] {
    let bytes = ClaimReviewWriter(author: "Fixture Checkers", datePublished: "2024-05-06")
      .write(ReportFixtures.gallery())
    return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
  }

  @Test func oneReviewPerCheckedClaimLeavingOutWhatIsNotAnElectionResult() throws {
    let reviews = try Self.reviews()
    let checked = ReportFixtures.gallery().documents.flatMap(\.claims)
      .filter(\.verdict.rating.isChecked)
    #expect(reviews.count == checked.count)
    let verdicts = reviews.compactMap {
      ($0["reviewRating"] as? [String: Any])?["alternateName"] as? String
    }
    #expect(!verdicts.contains("not-election-result"))
    #expect(Set(verdicts) == ["accurate", "accurate-rounded", "inaccurate", "unverifiable"])
  }

  @Test func reviewCarriesSchemaOrgFields() throws {
    let review = try #require(
      try Self.reviews().first {
        ($0["reviewRating"] as? [String: Any])?["alternateName"] as? String == "inaccurate"
      })
    #expect(review["@context"] as? String == "https://schema.org")
    #expect(review["@type"] as? String == "ClaimReview")
    #expect(review["datePublished"] as? String == "2024-05-06")
    #expect(
      (review["claimReviewed"] as? String)?.hasPrefix("At the Borsetshire mayoral election") == true
    )
    let author = try #require(review["author"] as? [String: Any])
    #expect(author["@type"] as? String == "Organization")
    #expect(author["name"] as? String == "Fixture Checkers")
    let rating = try #require(review["reviewRating"] as? [String: Any])
    #expect(rating["@type"] as? String == "Rating")
    #expect(rating["ratingValue"] as? Int == 1)
    let item = try #require(review["itemReviewed"] as? [String: Any])
    #expect(item["@type"] as? String == "Claim")
    let appearance = try #require(item["appearance"] as? [String: Any])
    #expect(appearance["url"] as? String == "https://example.org/borsetshire")
    #expect(appearance["headline"] as? String == "Archer takes Borsetshire")
    #expect((review["reviewBody"] as? String)?.contains("borsetshire_results.csv:3") == true)
  }

  @Test func claimWithoutAFigureIsReviewedWithItsSentence() throws {
    let (report, checked) = try ReportFixtures.councilControl()
    let bytes = ClaimReviewWriter(datePublished: "2016-05-09").write(report)
    let reviews = try #require(
      JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
    let review = try #require(reviews.first, "no review of the claim")
    #expect(reviews.count == 1)
    let text = report.documents[0].document.text
    #expect(review["claimReviewed"] as? String == text.string(checked.claim.range))
    let rating = try #require(review["reviewRating"] as? [String: Any])
    #expect(rating["alternateName"] as? String == checked.verdict.rating.rawValue)
    #expect(rating["ratingExplanation"] as? String == checked.verdict.explanation)
    let source = try #require(checked.verdict.evidence.first?.source)
    #expect((review["reviewBody"] as? String)?.contains(source) == true)
  }

  @Test func attributedClaimNamesItsSpeakerAsTheClaimsAuthor() throws {
    let review = try #require(
      try Self.reviews().first {
        ($0["reviewRating"] as? [String: Any])?["alternateName"] as? String == "unverifiable"
      })
    let item = try #require(review["itemReviewed"] as? [String: Any])
    #expect((item["author"] as? [String: Any])?["name"] as? String == "Tom Forrest")
    #expect((review["reviewRating"] as? [String: Any])?["ratingValue"] == nil)
  }
}
