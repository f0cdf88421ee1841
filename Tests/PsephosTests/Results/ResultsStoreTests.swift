import Foundation
import Testing

@testable import Psephos

@Suite struct ResultsStoreTests {
  static let corpusFiles = [
    "devolved_2016.csv", "eu_referendum_2016.csv", "local_elections_2012_2016.csv",
    "london_assembly_2016.csv", "london_mayor_2000_2016.csv",
    "uk_general_elections_2015_2017.csv",
  ]

  /// The bundled results, loaded once; a load failure fails each test that uses it.
  static let loaded = Result { () throws(ResultsLoadError) -> ResultsStore in
    try ResultsStore(loading: [ResultsTestSupport.corpusResults])
  }

  static func corpus() throws -> ResultsStore { try loaded.get() }

  /// The 1-based line number and the unquoted leading fields of the only line in a bundled file
  /// that satisfies `predicate`.
  static func corpusLine(
    in file: String, where predicate: ([String]) -> Bool
  ) throws -> (line: Int, fields: [String], text: String, header: [String]) {
    let lines = try ResultsTestSupport.corpusLines(file)
    let header = lines[0].split(separator: ",").map(String.init)
    let matches = lines.indices.dropFirst().filter {
      predicate(ResultsTestSupport.unquotedPrefixFields(lines[$0]))
    }
    try #require(matches.count == 1, "expected one matching line in \(file), found \(matches)")
    let index = matches[0]
    return (index + 1, ResultsTestSupport.unquotedPrefixFields(lines[index]), lines[index], header)
  }

  // MARK: The bundled data

  @Test func loadsTheBundledResultsWithoutErrorsOrWarnings() throws {
    let store = try Self.corpus()
    let validation = ResultsValidator().validate(paths: [ResultsTestSupport.corpusResults])
    #expect(validation.diagnostics.map(\.description) == [])
    #expect(store.diagnostics.isEmpty)
    #expect(store.records.count == validation.records.count)
  }

  @Test(arguments: corpusFiles)
  func readsOneRecordPerDataLineOfEachBundledFile(file: String) throws {
    let store = try Self.corpus()
    let lines = try ResultsTestSupport.corpusLines(file)
    let records = store.records.filter { $0.provenance.file.hasSuffix("/" + file) }
    #expect(records.count == lines.count - 1)
    #expect(records.map(\.provenance.line) == Array(2...lines.count))
  }

  @Test(arguments: ["first", "second"])
  func readsGoldsmiths2016VotesAndShareAsWrittenInTheFile(round: String) throws {
    let store = try Self.corpus()
    let file = "london_mayor_2000_2016.csv"
    let found = try Self.corpusLine(in: file) {
      $0.first == "london-mayor-2016" && $0.contains(round) && $0.contains("Zac Goldsmith")
    }
    let votes = try #require(Int(found.fields[found.header.firstIndex(of: "votes")!]))
    let share = try #require(ExactDecimal(found.fields[found.header.firstIndex(of: "share_pct")!]))
    let records = store.records(
      matching: ResultsQuery(election: "london-mayor-2016", candidate: "Goldsmith", round: round))
    let record = try #require(records.first)
    #expect(records.count == 1)
    #expect(record.votes == votes)
    #expect(record.share == share)
    #expect(record.share?.description == found.fields[found.header.firstIndex(of: "share_pct")!])
    #expect(record.provenance.line == found.line)
    #expect(record.provenance.file.hasSuffix("Corpus/results/" + file))
    #expect(record.party == found.fields[found.header.firstIndex(of: "party")!])
    #expect(record.election.kind == .mayoral)
  }

  @Test func readsTheReferendumOptionRowsOfTheUnitedKingdom() throws {
    let store = try Self.corpus()
    let file = "eu_referendum_2016.csv"
    let found = try Self.corpusLine(in: file) {
      $0.contains("United Kingdom (incl. Gibraltar)") && $0.contains("Remain")
    }
    let records = store.records(
      matching: ResultsQuery(
        election: "eu-referendum-2016", area: "United Kingdom", option: "remain"))
    let record = try #require(records.first)
    #expect(records.count == 1)
    #expect(record.votes == Int(found.fields[found.header.firstIndex(of: "votes")!]))
    #expect(
      record.rejectedBallots == Int(found.fields[found.header.firstIndex(of: "rejected_ballots")!]))
    #expect(record.provenance.line == found.line)
    #expect(record.election.kind == .referendum)
  }

  @Test func readsCouncilControlColumnsThatFollowTheNotes() throws {
    let store = try Self.corpus()
    let file = "local_elections_2012_2016.csv"
    let found = try Self.corpusLine(in: file) { $0.first == "local-2016" && $0.contains("Dudley") }
    // control_result is the last column, after the quoted notes.
    let afterNotes = found.text[found.text.lastIndex(of: "\"")!...].dropFirst()
    let control = String(afterNotes.split(separator: ",", omittingEmptySubsequences: false).last!)
    let records = store.records(
      matching: ResultsQuery(election: "local-2016", area: "Dudley"))
    let record = try #require(records.first)
    #expect(records.count == 1)
    #expect(!control.isEmpty)
    #expect(record.controlResult == control)
    #expect(record.election.kind == .local)
  }

  @Test func queryByElectionAndCandidateReturnsEveryMatchingLineInFileOrder() throws {
    let store = try Self.corpus()
    let file = "london_mayor_2000_2016.csv"
    let lines = try ResultsTestSupport.corpusLines(file)
    let candidateIndex = lines[0].split(separator: ",").firstIndex(of: "candidate")!
    let expected = lines.indices.dropFirst().filter {
      let fields = ResultsTestSupport.unquotedPrefixFields(lines[$0])
      return fields[0] == "london-mayor-2016" && fields[candidateIndex].contains("Goldsmith")
    }.map { $0 + 1 }
    let records = store.records(
      matching: ResultsQuery(election: "london-mayor-2016", candidate: "goldsmith"))
    #expect(!expected.isEmpty)
    #expect(records.map(\.provenance.line) == expected)
  }

  @Test func everyBundledElectionHasAKnownKindAndYear() throws {
    let store = try Self.corpus()
    #expect(!store.elections.isEmpty)
    for election in store.elections {
      #expect(election.kind != .other, "\(election.id)")
      #expect(election.year != nil, "\(election.id)")
      #expect(election.id.hasSuffix(String(election.year ?? 0)), "\(election.id)")
    }
  }

  @Test func listsEachBundledElectionOnce() throws {
    let store = try Self.corpus()
    var ids: Set<String> = []
    for file in Self.corpusFiles {
      for line in try ResultsTestSupport.corpusLines(file).dropFirst() {
        ids.insert(ResultsTestSupport.unquotedPrefixFields(line)[0])
      }
    }
    #expect(Set(store.elections.map(\.id)) == ids)
    #expect(store.elections.count == ids.count)
  }

  @Test(arguments: [
    ("london-assembly-2016", ResultRecord.Election.Kind.londonAssembly),
    ("scottish-parliament-2016", .scottishParliament), ("welsh-assembly-2016", .welshAssembly),
    ("uk-general-2017", .general), ("local-2012", .local),
  ])
  func readsTheKindOfEachBundledElection(id: String, kind: ResultRecord.Election.Kind) throws {
    let record = try #require(try Self.corpus().records(forElection: id).first)
    #expect(record.election.kind == kind)
  }

  // MARK: Indexes

  @Test func findsPartiesByShortCodeOrFullNameCaseInsensitively() throws {
    let store = try Self.corpus()
    let byCode = store.records(forParty: "con")
    let byName = store.records(forParty: "CONSERVATIVE PARTY")
    #expect(!byName.isEmpty)
    #expect(byName.allSatisfy { $0.party == "Conservative Party" })
    #expect(byCode.allSatisfy { $0.partyShort == "Con" || $0.party?.lowercased() == "con" })
    #expect(Set(byName.map(\.provenance)).isSubset(of: Set(byCode.map(\.provenance))))
  }

  @Test func findsCandidatesByFullNameOrSurname() throws {
    let store = try Self.corpus()
    let bySurname = store.records(forCandidate: "goldsmith")
    let byName = store.records(forCandidate: "Zac Goldsmith")
    #expect(!bySurname.isEmpty)
    #expect(bySurname.map(\.provenance) == byName.map(\.provenance))
    #expect(bySurname.allSatisfy { $0.candidate == "Zac Goldsmith" })
  }

  @Test func findsAreasByFoldedNameOrCode() throws {
    let store = try Self.corpus()
    let byName = store.records(inArea: "KENSINGTON")
    let code = try #require(byName.first?.area.code)
    let byCode = store.records(inArea: code.lowercased())
    #expect(!byName.isEmpty)
    #expect(byName.allSatisfy { $0.area.name == "Kensington" })
    #expect(byCode.map(\.provenance) == byName.map(\.provenance))
  }

  @Test func findsRecordsByKindAndYear() throws {
    let store = try Self.corpus()
    let mayoral2016 = store.records(ofKind: .mayoral, year: 2016)
    #expect(!mayoral2016.isEmpty)
    #expect(
      mayoral2016.map(\.provenance)
        == store.records(forElection: "London-Mayor-2016").map(\.provenance))
    #expect(store.records(inYear: 2016).allSatisfy { $0.election.year == 2016 })
    #expect(store.records(ofKind: .referendum).allSatisfy { $0.option != nil })
  }

  @Test func matchesPartiesByCodeOrWholeWordsOfTheName() throws {
    let store = try Self.corpus()
    let byWord = store.records(
      matching: ResultsQuery(election: "scottish-parliament-2016", party: "Labour"))
    let byCode = store.records(
      matching: ResultsQuery(election: "scottish-parliament-2016", party: "Lab"))
    #expect(!byWord.isEmpty)
    #expect(byWord.allSatisfy { $0.party?.contains("Labour") == true })
    #expect(byWord.map(\.provenance) == byCode.map(\.provenance))
    let none = store.records(
      matching: ResultsQuery(election: "scottish-parliament-2016", party: "abour"))
    #expect(none.isEmpty)
  }

  @Test func matchesAreasByWholeWordsOfTheName() throws {
    let store = try Self.corpus()
    let records = store.records(matching: ResultsQuery(area: "london"))
    #expect(Set(records.map(\.area.name)).isSuperset(of: ["London", "Greater London"]))
    #expect(records.allSatisfy { FoldedName($0.area.name).containsWords(of: FoldedName("london")) })
  }

  @Test func normalisesAreaNamesForLookup() throws {
    let csv = """
      election_id,area_name,party,votes
      test-2099,St. Helens & Prescot,Red,1
      test-2099,Ynys Môn,Red,2

      """
    let store = try ResultsStore(csv: Array(csv.utf8), file: "t.csv")
    for name in ["Saint Helens and Prescot", "st helens & prescot", "ST. HELENS AND PRESCOT"] {
      #expect(store.records(inArea: name).map(\.provenance.line) == [2], "\(name)")
    }
    #expect(store.records(inArea: "Ynys Mon").map(\.provenance.line) == [3])
    #expect(store.records(inArea: "Prescot").isEmpty)
  }

  // MARK: Loading

  @Test func throwsEveryErrorWhenAFileHasErrors() throws {
    let folder = try ResultsTestSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try ResultsTestSupport.write(
      "election_id,area_name,party,votes\ne,T,Red,5\n", to: "a.csv", in: folder)
    let bad = try ResultsTestSupport.write(
      "election_id,area_name,party,votes\ne,T,Blue,\"12,4x\"\ne,T,Green,-1\n", to: "b.csv",
      in: folder)
    #expect {
      _ = try ResultsStore(loading: [folder.path])
    } throws: { error in
      (error as? ResultsLoadError)?.errors.map(\.description) == [
        "\(bad):2:10: error: votes \"12,4x\" is not a number",
        "\(bad):3:11: error: votes \"-1\" is negative",
      ]
    }
  }

  @Test func keepsWarningsWhenLoadingSucceeds() throws {
    let csv = "election_id,area_name,party,votes\ne,T,Red,5\ne,T,Red,5\n"
    let store = try ResultsStore(csv: Array(csv.utf8), file: "t.csv")
    #expect(store.records.count == 1)
    #expect(store.diagnostics.map(\.severity) == [.warning])
  }

  @Test func loadsFoldersRecursivelyInSortedOrderAndFilesOnce() throws {
    let folder = try ResultsTestSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let header = "election_id,area_name,party,votes\n"
    let z = try ResultsTestSupport.write(header + "e,Z,Red,1\n", to: "z.csv", in: folder)
    let nested = try ResultsTestSupport.write(header + "e,B,Red,1\n", to: "a/b.CSV", in: folder)
    let a = try ResultsTestSupport.write(header + "e,A,Red,1\n", to: "a.csv", in: folder)
    try ResultsTestSupport.write("not a csv", to: "notes.txt", in: folder)
    try ResultsTestSupport.write("broken,\"", to: ".hidden/x.csv", in: folder)
    let store = try ResultsStore(loading: [folder.path, z])
    #expect(store.records.map(\.provenance.file) == [a, nested, z])
    #expect(store.records.map(\.area.name) == ["A", "B", "Z"])
  }

  @Test func reportsMissingPathsAndFoldersWithoutCSVFiles() throws {
    let folder = try ResultsTestSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.path + "/missing.csv"
    let validation = ResultsValidator().validate(paths: [missing, folder.path])
    #expect(
      validation.diagnostics.map(\.description) == [
        "\(missing): error: no such file or folder",
        "\(folder.path): error: folder holds no .csv files",
      ])
  }

  @Test func reportsConflictsBetweenFiles() throws {
    let folder = try ResultsTestSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let header = "election_id,area_name,party,votes\n"
    let first = try ResultsTestSupport.write(header + "e,T,Red,5\n", to: "1.csv", in: folder)
    let second = try ResultsTestSupport.write(header + "e,T,Red,6\n", to: "2.csv", in: folder)
    let validation = ResultsValidator().validate(paths: [folder.path])
    #expect(
      validation.diagnostics.map(\.description) == [
        "\(second):2:9: error: conflicting votes for Red in e, T: 6 here, 5 at \(first):2"
      ])
  }
}
