/// The partial-results format, `psephos-parts/1`: what `psephos stream` writes (one line per
/// input line) and `psephos merge` reads and, with `--format parts`, writes.
///
/// JSON Lines; each line is one compact object with sorted keys, of one of three shapes:
///
/// ```
/// {"document":{…},"index":{…},"line":7}                       a document
/// {"error":{"line":8,"path":"feed.jsonl","reason":"…"},"line":8}  an input line that failed
/// {"line":9,"skipped":"blank line"}                          a blank line: nothing to do
/// ```
///
/// - `document` is the document's object exactly as `psephos analyse --format json` writes it
///   (`DocumentAnalysis.json`), whatever members the pipeline adds to it.
/// - `index` holds the document's part of each corpus index, by index key (see `CorpusIndex`);
///   the corpus index of any set of documents is the merge of their parts.
/// - `error` is an entry of the report's `errors[]` (`path`, `reason`, `line`).
/// - `line` is the 1-based line number in the whole input (with `stream --keyed`, the number
///   each line carried): with the document's or error's `path`, the order key of a merge. An
///   error with no line (standard input could not be read) has no `line` and sorts after every
///   line of its path.
public enum PartialResults {
  /// The format's name and version.
  public static let format = "psephos-parts/1"

  /// The bytes of a document line up to its line number: `{"document":…,"index":…,"line":`.
  /// A pure function, so workers can build it; `finish(_:line:)` completes it.
  public static func documentLineHead(document: JSONValue, index: [String: JSONValue])
    -> [UInt8]
  {
    var bytes = Array(#"{"document":"#.utf8)
    document.write(to: &bytes)
    bytes.append(contentsOf: #","index":"#.utf8)
    JSONValue.object(index).write(to: &bytes)
    bytes.append(contentsOf: #","line":"#.utf8)
    return bytes
  }

  /// Completes a document line's head with its number and a line feed.
  public static func finish(_ head: [UInt8], line: Int) -> [UInt8] {
    var bytes = head
    bytes.append(contentsOf: "\(line)}\n".utf8)
    return bytes
  }

  /// An error line, with a line feed.
  public static func errorLine(_ failure: IngestFailure) -> [UInt8] {
    var members: [String: JSONValue] = ["error": failure.json]
    if let line = failure.line { members["line"] = .integer(line) }
    var bytes: [UInt8] = []
    JSONValue.object(members).write(to: &bytes)
    bytes.append(0x0A)
    return bytes
  }

  /// A blank line's answer, with a line feed.
  public static func skippedLine(_ line: Int) -> [UInt8] {
    Array(#"{"line":\#(line),"skipped":"blank line"}"#.utf8) + [0x0A]
  }
}
