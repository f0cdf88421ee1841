import Foundation
import Testing

@testable import Psephos

@Suite struct ResultsStoreTests {
  static let corpusFiles = [
    "devolved_2016.csv", "eu_referendum_2016.csv", "local_elections_2012_2016.csv",
    "london_assembly_2016.csv", "london_mayor_2000_2016.csv",
    "uk_general_elections_2015_2017.csv",
  ]

  @Test func loadsTheBundledResultsWithoutErrorsOrWarnings() throws {
    let validation = ResultsValidator().validate(paths: [ResultsTestSupport.corpusResults])
    #expect(validation.diagnostics.map(\.description) == [])
    let store = try ResultsStore(loading: [ResultsTestSupport.corpusResults])
    #expect(store.records.count == validation.records.count)
  }
}
