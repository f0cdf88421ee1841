/// The shape of `psephos analyse --format json`, shared by every command that writes it
/// (`analyse`, `merge`) so that a merged report equals a single run byte for byte:
///
/// ```
/// {"documents": [ … ], "errors": [ … ], "index": { … }, "schema": "psephos/1"}
/// ```
///
/// written a document at a time with `JSONStreamWriter` in `.pretty` style.
public enum AnalysisReport {
  /// The `schema` value.
  public static let schema = "psephos/1"

  /// The writer of the object, its `documents` streamed.
  public static let writer = JSONStreamWriter(style: .pretty, arrayKey: "documents")

  /// The members after `documents`: `errors`, `index` and `schema`.
  public static func closingMembers(errors: [JSONValue], index: CorpusIndex) -> [String: LazyJSON] {
    ["errors": .value(.array(errors)), "index": index.lazyJSON, "schema": .value(.string(schema))]
  }
}
