import Foundation
import Testing

@testable import Psephos

/// A small index for testing the extension point: for each figure unit, the figures and the
/// documents citing it.
private struct UnitIndex: MergeableIndex, Equatable {
  static let key = "units"
  var figures: [String: Int] = [:]
  var documents: [String: Set<String>] = [:]

  init() {}

  static func part(of analysis: DocumentAnalysis) -> JSONValue {
    var counts: [String: JSONValue] = [:]
    for figure in analysis.figures {
      let unit = figure.json(in: analysis.document.text)["unit"]?.stringValue ?? "none"
      counts[unit] = .integer((counts[unit]?.integerValue ?? 0) + 1)
    }
    return ["document": .string(analysis.document.id), "units": .object(counts)]
  }

  init(part: JSONValue) throws(IndexPartError) {
    guard let id = part["document"]?.stringValue, let units = part["units"]?.objectValue else {
      throw IndexPartError(index: Self.key, message: "expected document and units")
    }
    for (unit, count) in units {
      figures[unit] = count.integerValue ?? 0
      documents[unit] = [id]
    }
  }

  mutating func merge(_ other: UnitIndex) {
    figures.merge(other.figures, uniquingKeysWith: +)
    documents.merge(other.documents) { $0.union($1) }
  }

  var json: JSONValue {
    var members: [String: JSONValue] = [:]
    for (unit, count) in figures {
      members[unit] = [
        "figures": .integer(count),
        "documents": .array(documents[unit, default: []].sorted().map(JSONValue.string)),
      ]
    }
    return .object(members)
  }
}

@Suite struct CorpusIndexTests {
  private let analyses: [DocumentAnalysis] = (0..<9).map { index in
    let document = try! Ingester().document(
      id: "d\(index)", path: "d\(index)", bytes: Array(PipelineFixtures.article(index).utf8),
      format: .text
    ).get()
    return Analyzer().analyze(document)
  }

  private func index(_ analyses: some Sequence<DocumentAnalysis>) throws -> CorpusIndex {
    var index = CorpusIndex(kinds: [UnitIndex.self])
    for analysis in analyses {
      try index.add(parts: CorpusIndex.parts(of: analysis, kinds: [UnitIndex.self]))
    }
    return index
  }

  @Test func theIndexOfShardsMergedEqualsTheIndexOfTheWholeInAnyOrder() throws {
    let whole = try index(analyses).json
    #expect(whole["units"]?.objectValue?.isEmpty == false)
    var shards = try index(analyses[0..<3])
    shards.merge(try index(analyses[6...]))
    shards.merge(try index(analyses[3..<6]))
    #expect(shards.json == whole)
    #expect(try index(analyses.reversed()).json == whole)
  }

  @Test func mergingTheEmptyIndexChangesNothing() throws {
    var whole = try index(analyses)
    let before = whole.json
    whole.merge(CorpusIndex(kinds: [UnitIndex.self]))
    #expect(whole.json == before)
  }

  @Test func aMalformedPartIsAnErrorNamingTheIndex() {
    var index = CorpusIndex(kinds: [UnitIndex.self])
    #expect(throws: IndexPartError(index: "units", message: "expected document and units")) {
      try index.add(parts: ["units": "oops"])
    }
  }

  /// The bundled articles, analysed with the bundled knowledge.
  private static let bundled: [DocumentAnalysis] = {
    let ingester = Ingester()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let inputs = ingester.inputs(from: [root.appendingPathComponent("Corpus/articles").path])
    let analyzer = Analyzer()
    return inputs.inputs.flatMap { ingester.read($0) }.compactMap { try? $0.get() }.map {
      analyzer.analyze($0)
    }
  }()

  @Test func anEntityIndexPartReadsBackAsTheDocumentsOwnIndex() throws {
    #expect(Self.bundled.count == 3)
    var typed = EntityIndex()
    var fromParts = EntityIndex()
    for analysis in Self.bundled {
      var own = EntityIndex()
      own.add(analysis)
      let part = try JSONValue(parsing: EntityIndex.part(of: analysis).serialized())
      #expect(try EntityIndex(part: part) == own)
      typed.merge(own)
      fromParts.merge(try EntityIndex(part: part))
    }
    #expect(!typed.entries.isEmpty)
    #expect(fromParts == typed)
  }

  @Test func aThemeIndexPartReadsBackAsTheDocumentsOwnIndexWithExactScores() throws {
    var typed = ThemeIndex()
    var fromParts = ThemeIndex()
    for analysis in Self.bundled {
      let own = ThemeIndex(document: analysis.document.id, themes: analysis.themes)
      let part = try JSONValue(parsing: ThemeIndex.part(of: analysis).serialized())
      #expect(try ThemeIndex(part: part) == own)
      typed.merge(own)
      fromParts.merge(try ThemeIndex(part: part))
    }
    #expect(!typed.rows().isEmpty)
    #expect(fromParts.rows() == typed.rows())
  }

  @Test func theReportIndexHoldsEntitiesAndThemesBuiltFromParts() throws {
    var index = CorpusIndex()
    for analysis in Self.bundled { try index.add(parts: CorpusIndex.parts(of: analysis)) }
    var entities = EntityIndex()
    var themes = ThemeIndex()
    for analysis in Self.bundled {
      entities.add(analysis)
      themes.add(document: analysis.document.id, themes: analysis.themes)
    }
    #expect(index.json == ["entities": entities.json, "themes": themes.json])
  }

  @Test func partsTravelWithTheRecordAndTheReportHasAnIndexObject() {
    let record = DocumentRecord(analyses[0])
    #expect(record.index.keys.sorted() == CorpusIndex.kinds.map { $0.key }.sorted())
    #expect(CorpusIndex().json.objectValue != nil)
  }
}
