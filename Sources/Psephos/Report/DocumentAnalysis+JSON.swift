extension DocumentAnalysis {
  /// The DESIGN.md document object: `id`, `path`, `sha256`, `metadata`, `findings`, and what
  /// the pipeline found (`entities`, `figures`, `claims`, `themes`, with counts of tokens, sentences and paragraphs).
  public var json: JSONValue {
    let text = document.text
    var members = document.jsonMembers
    members["findings"] = .array(findings.map { $0.json(in: text) })
    members["entities"] = .array(mentions.map { $0.json(in: text) })
    members["figures"] = .array(figures.map { $0.json(in: text) })
    members["claims"] = .array(claims.map { $0.json(in: text) })
    members["themes"] = .array(themes.map { $0.json(in: text) })
    members["counts"] = DocumentSummary(self).countsJSON
    return .object(members)
  }
}
