// fuzz-seeds: Corpus/results/*.csv Corpus/articles/manifest.csv Tests/Fuzz/seeds/csv/*
// fuzz-dict: Tests/Fuzz/dicts/csv.dict
// fuzz-flags: -max_len=8192
@testable import Psephos

/// The CSV reader, the results validator, the store's indexes and queries and the table
/// formatter on arbitrary bytes: none may trap, and every position they report must lie in
/// the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = FuzzCheck.bytes(data, size)
  let lines = bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
  if let table = try? CSVReader(file: "fuzz.csv").read(bytes) {
    var previousLine = 0
    let header = table.header.isEmpty ? [] : [CSVReader.Row(fields: table.header, line: 1)]
    for row in header + table.rows {
      FuzzCheck.require(!row.fields.isEmpty, "row at line \(row.line) has no fields")
      FuzzCheck.require(row.line >= previousLine, "row at line \(row.line) is out of order")
      previousLine = row.line
      for field in row.fields {
        FuzzCheck.require(
          field.line >= row.line && field.line <= lines && field.column >= 1
            && field.column <= bytes.count + 1,
          "field at \(field.line):\(field.column) is outside the input")
      }
    }
    for issue in table.issues {
      FuzzCheck.require(
        issue.line >= 1 && issue.line <= lines && issue.column >= 1, "issue at \(issue)")
    }
  }
  let validation = ResultsValidator().validate(bytes, file: "fuzz.csv")
  for diagnostic in validation.diagnostics {
    FuzzCheck.require(diagnostic.line <= lines, "diagnostic past the last line: \(diagnostic)")
  }
  let store = ResultsStore(records: validation.records, diagnostics: validation.diagnostics)
  if let record = store.records.first {
    _ = store.records(forElection: record.election.id)
    _ = store.records(forParty: record.party ?? record.partyShort ?? "")
    _ = store.records(forCandidate: record.candidate ?? "")
    _ = store.records(inArea: record.area.name)
    _ = store.records(ofKind: record.election.kind, year: record.election.year)
    _ = store.records(
      matching: ResultsQuery(
        election: record.election.id, candidate: record.candidateSurname, party: record.party,
        area: record.area.name, round: record.round, option: record.option))
    _ = store.elections
  }
  _ = ResultsTableFormatter().format(store.records)
  return 0
}
