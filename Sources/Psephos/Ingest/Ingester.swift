/// Turns paths and bytes into `Document`s: the first stage of the pipeline.
///
/// Two steps, so that a run over millions of files holds only paths in memory:
/// 1. `inputs(from:)` walks the paths the user gave and returns a sorted list of `Input`s
///    without reading any article (it reads `manifest.csv` files, which are small).
/// 2. `read(_:)` (or the streaming `read(_:each:)`) reads one input on demand: a text, Markdown
///    or HTML file gives one document, a JSONL file one per line, streamed line by line.
///
/// `document(id:path:bytes:format:metadata:)` does the decoding for bytes already in memory.
///
/// Each document's text is decoded once (UTF-8 with or without BOM, UTF-16, else
/// Windows-1252), with LF line endings and in NFC (see `TextNormalizer`). HTML is reduced to its
/// text (see `HTMLTextExtractor`); text and Markdown lose a leading front-matter block (see
/// `FrontMatter`). Offsets in later stages refer to this text.
///
/// Metadata precedence, per field: the document's own (front matter, HTML `<meta>`, JSONL
/// fields) over the manifest beside it (`Input.metadata`).
///
/// Document ids (unique in a run): the path relative to the folder given
/// (`sub/000_8cbc4ebb48ef6d6a.txt`); the file name for a file given directly; `-` for standard
/// input; `<input id>#<record id>` for a JSONL record (the record id alone on standard input).
/// When two inputs would share an id, the later one uses its full path.
///
/// Failures never throw and never stop the batch: each is an `IngestFailure` in the results.
public struct Ingester: Sendable {
  /// What the ingester accepts.
  public struct Options: Sendable, Hashable {
    /// The largest document, in bytes, read into memory (a file, or one JSONL line).
    public var maxDocumentBytes: Int
    /// How standard input (`-`) is read.
    public var standardInputFormat: Input.Format

    /// Creates options; the default limit is 50 MB, standard input is plain text.
    public init(maxDocumentBytes: Int = 50 * 1024 * 1024, standardInputFormat: Input.Format = .text)
    {
      precondition(maxDocumentBytes >= 0, "maxDocumentBytes must not be negative")
      self.maxDocumentBytes = maxDocumentBytes
      self.standardInputFormat = standardInputFormat
    }
  }

  /// What the ingester accepts.
  public var options: Options

  /// Creates an ingester.
  public init(options: Options = Options()) {
    self.options = options
  }

  // MARK: - Reading inputs

  /// Reads one input and collects its documents; JSONL gives one result per non-blank line.
  public func read(_ input: Input) -> [Result<Document, IngestFailure>] {
    var results: [Result<Document, IngestFailure>] = []
    read(input) { results.append($0) }
    return results
  }

  /// Reads one input and hands each document (or failure) to `body` as soon as it is ready.
  ///
  /// A JSONL input is streamed: memory is bounded by one line, whatever the file's size.
  public func read(_ input: Input, each body: (Result<Document, IngestFailure>) -> Void) {
    let limit = options.maxDocumentBytes
    if input.format == .jsonl {
      readJSONL(input, each: body)
      return
    }
    let bytes =
      input.isStandardInput
      ? FileSystem.standardInput(limit: limit) : FileSystem.contents(of: input.path, limit: limit)
    switch bytes {
    case .success(let bytes):
      body(
        document(
          id: input.id, path: input.path, bytes: bytes, format: input.format,
          metadata: input.metadata))
    case .failure(let reason):
      body(.failure(IngestFailure(path: input.path, reason: "cannot read: \(reason.text)")))
    }
  }

  /// Decodes bytes already in memory into a document.
  ///
  /// `format` is `.text`, `.markdown` or `.html`; for JSONL use `documents(jsonl:path:idPrefix:
  /// firstLine:metadata:)`. `metadata` holds defaults (from a manifest) that the document's own
  /// metadata overrides. The SHA-256 is of `bytes` as given.
  ///
  /// Complexity: O(n) in the number of bytes.
  public func document(
    id: String, path: String, bytes: [UInt8], format: Input.Format,
    metadata: Metadata = Metadata()
  ) -> Result<Document, IngestFailure> {
    precondition(format != .jsonl, "a JSONL input holds many documents: use documents(jsonl:...)")
    guard bytes.count <= options.maxDocumentBytes else {
      return .failure(
        IngestFailure(
          path: path, reason: FileSystem.tooLarge(bytes.count, limit: options.maxDocumentBytes)))
    }
    let decoded: TextNormalizer.Decoded
    switch TextNormalizer.decode(bytes) {
    case .success(let value): decoded = value
    case .failure(let rejection):
      return .failure(IngestFailure(path: path, reason: rejection.reason))
    }
    var text = decoded.bytes
    var findings = decoded.findings
    TextNormalizer.normalizeLineEndings(&text)
    // Before HTML extraction and front matter, which hash attribute names and keys.
    noteBrokenCombiningRuns(CombiningMarks.breakLongRuns(&text), in: &findings)
    var own = Metadata()
    switch format {
    case .html:
      let extracted = HTMLTextExtractor.extract(text)
      text = extracted.text
      own = extracted.metadata
    case .text, .markdown:
      if let frontMatter = FrontMatter.parse(text) {
        own = frontMatter.metadata
        text = Array(text[frontMatter.bodyStart...])
        findings.append(
          Finding(
            .note,
            "front matter (\(frontMatter.lines) lines) read into metadata; offsets refer to the"
              + " text after it"))
      }
    case .jsonl:
      break
    }
    text = TextNormalizer.normalizeNFC(text)
    finishText(&text, wasEmpty: bytes.isEmpty, format: format, findings: &findings)
    return .success(
      Document(
        id: id, path: path, sha256: SHA256.hex(bytes), metadata: own.merged(over: metadata),
        text: SourceText(normalizedUTF8: text), findings: findings))
  }

  /// Says how many joiners `CombiningMarks.breakLongRuns(_:jsonEscapes:)` inserted, if any.
  func noteBrokenCombiningRuns(_ inserted: Int, in findings: inout [Finding]) {
    guard inserted > 0 else { return }
    findings.append(
      Finding(
        .warning,
        "more than \(CombiningMarks.maximumRun) combining marks in a row: \(inserted)"
          + " U+034F combining grapheme joiner(s) inserted so the text can be normalised"))
  }

  /// Empties blank text and says so.
  func finishText(
    _ text: inout [UInt8], wasEmpty: Bool, format: Input.Format, findings: inout [Finding]
  ) {
    guard TextNormalizer.isBlank(text) else { return }
    let message: String
    if format == .jsonl {
      message = "\"text\" is empty or only whitespace: no text to analyse"
    } else if wasEmpty {
      message = "empty file: no text to analyse"
    } else if format == .html && text.isEmpty {
      message = "no text outside the HTML markup: nothing to analyse"
    } else {
      message = "only whitespace: no text to analyse"
    }
    text = []
    findings.append(Finding(.warning, message))
  }
}

extension Metadata {
  /// These fields where known, else those of `defaults`; `extra` merged the same way.
  func merged(over defaults: Metadata) -> Metadata {
    Metadata(
      title: title ?? defaults.title, author: author ?? defaults.author,
      date: date ?? defaults.date, publication: publication ?? defaults.publication,
      url: url ?? defaults.url, extra: defaults.extra.merging(extra) { _, own in own })
  }
}
