/// Reads documents from many inputs (or one stream of JSON Lines) and runs a per-document step
/// on `jobs` threads, handing each result back in input order: the engine under `psephos
/// analyse` and `psephos stream`.
///
/// Memory is bounded whatever the corpus size: the calling thread reads one unit at a time (a
/// file's path, or one line of a JSONL file or of standard input), workers read and decode the
/// bytes and run `process`, and at most one batch of `4 × jobs` units and their outputs is held
/// at once. The results (and so any report written from them) are the same whatever `jobs` is.
///
/// A JSONL file is split into lines here rather than read whole by one worker, so one large
/// JSONL file is processed on every core too; ids repeated inside it are reported exactly as
/// `Ingester.read(_:)` reports them (`id "x" was already used on line 3`).
public struct BatchRunner: Sendable {
  /// Reads and decodes the inputs.
  public var ingester: Ingester
  /// Units processed at once.
  public var jobs: Int

  /// Creates a runner.
  public init(ingester: Ingester = Ingester(), jobs: Int) {
    precondition(jobs >= 1, "jobs must be at least 1")
    self.ingester = ingester
    self.jobs = jobs
  }

  /// A stream of JSON Lines and how to name what it holds.
  public struct LineSource: Sendable, Hashable {
    /// The path documents and failures name (`-` for standard input).
    public var path: String
    /// The prefix of document ids (`path#id`), or nil for the record ids alone.
    public var idPrefix: String?
    /// Metadata defaults (from a manifest).
    public var metadata: Metadata
    /// Whether each line is `N<TAB>record`, N being the record's 1-based line number in the
    /// whole input (a shard of a larger input, as Spark's `zipWithIndex` numbers it).
    public var isKeyed: Bool
    /// Whether a repeated id is a failure (as in a whole file); off for a shard, whose ids are
    /// checked across shards by `psephos merge`.
    public var checksRepeatedIDs: Bool

    /// Creates a source.
    public init(
      path: String, idPrefix: String?, metadata: Metadata = Metadata(), isKeyed: Bool = false,
      checksRepeatedIDs: Bool = true
    ) {
      self.path = path
      self.idPrefix = idPrefix
      self.metadata = metadata
      self.isKeyed = isKeyed
      self.checksRepeatedIDs = checksRepeatedIDs
    }
  }

  /// What happened to one unit of input, in input order.
  public struct Event<Output: Sendable>: Sendable {
    /// The outcome.
    public enum Kind: Sendable {
      /// A document was read and processed.
      case document(Output)
      /// The input or line could not be read as a document.
      case failure(IngestFailure)
      /// A blank JSONL line: no document, nothing wrong.
      case blank
      /// A JSONL input has no more lines.
      case endOfInput
    }

    /// The outcome.
    public var kind: Kind
    /// The JSONL line number, for a line.
    public var line: Int?
    /// The index of the input in the list given (0 for a line source).
    public var inputIndex: Int
    /// Whether the input is finished after this event (a whole file, or a JSONL input's end).
    public var endsInput: Bool
    /// For a JSONL line, the bytes of its input read so far (line feeds included).
    public var bytesIntoInput: Int
    /// For a document from a JSONL line, its record id (for the repeated-id check).
    var recordID: String? = nil
  }

  /// Reads `inputs` in order and calls `emit` with every event in input order; `process` runs
  /// on worker threads.
  public func run<Output: Sendable>(
    _ inputs: [Input], process: @escaping @Sendable (Document) -> Output,
    emit: (Event<Output>) -> Void
  ) {
    let ingester = self.ingester
    let limit = ingester.options.maxDocumentBytes
    var batcher = OrderedBatcher<Unit, Event<Output>>(jobs: jobs) { unit in
      unit.process(ingester: ingester, process)
    }
    var checker = RepeatedIDChecker()
    func deliver(_ event: Event<Output>) { emit(checker.check(event)) }
    for (index, input) in inputs.enumerated() {
      let source = LineSource(
        path: input.path, idPrefix: input.isStandardInput ? nil : input.id,
        metadata: input.metadata)
      guard input.format == .jsonl else {
        batcher.add(Unit(input: index, kind: .input(input)), emit: deliver)
        continue
      }
      checker.start(source, index: index)
      if input.isStandardInput {
        var reader = LineReader(descriptor: 0, limit: limit)
        let failure = read(&reader, source: source, index: index, into: &batcher, emit: deliver)
        if let failure { batcher.add(Unit(input: index, kind: .failure(failure)), emit: deliver) }
      } else {
        var bytesRead = 0
        let stopped = FileSystem.lines(of: input.path, limit: limit) { line, number in
          switch line {
          case .bytes(let bytes):
            bytesRead += bytes.count + 1
            batcher.add(
              Unit(
                input: index, kind: .line(Array(bytes), number: number, source: source),
                bytesIntoInput: bytesRead), emit: deliver)
          case .tooLong(let count):
            bytesRead += count + 1
            batcher.add(
              Unit(
                input: index, kind: .tooLong(count, number: number, source: source),
                bytesIntoInput: bytesRead), emit: deliver)
          }
        }
        if let stopped {
          let failure = IngestFailure(path: input.path, reason: "cannot read: \(stopped.text)")
          batcher.add(Unit(input: index, kind: .failure(failure)), emit: deliver)
        }
      }
      batcher.add(Unit(input: index, kind: .endOfInput), emit: deliver)
    }
    batcher.flush(emit: deliver)
  }

  /// Reads JSON Lines from `descriptor` (standard input: 0) and calls `emit` with one event per
  /// line, in order, then a failure if reading stopped early, then `.endOfInput`.
  ///
  /// Lines are answered as soon as the input pauses, not only when a batch is full, so a
  /// process feeding one line at a time gets each answer: pending lines are run, emitted, and
  /// `idle` is called (to flush the output) before waiting.
  public func run<Output: Sendable>(
    lines descriptor: Int32, source: LineSource,
    process: @escaping @Sendable (Document) -> Output, emit: (Event<Output>) -> Void,
    idle: () -> Void = {}
  ) {
    let ingester = self.ingester
    var batcher = OrderedBatcher<Unit, Event<Output>>(jobs: jobs) { unit in
      unit.process(ingester: ingester, process)
    }
    var checker = RepeatedIDChecker()
    checker.start(source, index: 0)
    func deliver(_ event: Event<Output>) { emit(checker.check(event)) }
    var reader = LineReader(descriptor: descriptor, limit: ingester.options.maxDocumentBytes)
    let failure = read(
      &reader, source: source, index: 0, into: &batcher, emit: deliver, idle: idle)
    if let failure { batcher.add(Unit(input: 0, kind: .failure(failure)), emit: deliver) }
    batcher.add(Unit(input: 0, kind: .endOfInput), emit: deliver)
    batcher.flush(emit: deliver)
  }

  /// Feeds every line of a reader to the batcher, running what is pending whenever the input
  /// pauses.
  private func read<Output: Sendable>(
    _ reader: inout LineReader, source: LineSource, index: Int,
    into batcher: inout OrderedBatcher<Unit, Event<Output>>, emit: (Event<Output>) -> Void,
    idle: () -> Void = {}
  ) -> IngestFailure? {
    do {
      while let line = try reader.next(idle: {
        batcher.flush(emit: emit)
        idle()
      }) {
        let number = reader.lineNumber
        let kind: Unit.Kind
        switch line {
        case .bytes(let bytes): kind = .line(bytes, number: number, source: source)
        case .tooLong(let count): kind = .tooLong(count, number: number, source: source)
        }
        batcher.add(Unit(input: index, kind: kind, bytesIntoInput: reader.bytesRead), emit: emit)
      }
      return nil
    } catch {
      return IngestFailure(path: source.path, reason: "cannot read: \(error.message)")
    }
  }
}

/// One unit of work: read on the calling thread, decoded and processed on a worker.
private struct Unit: Sendable {
  enum Kind: Sendable {
    case input(Input)
    case line([UInt8], number: Int, source: BatchRunner.LineSource)
    case tooLong(Int, number: Int, source: BatchRunner.LineSource)
    case failure(IngestFailure)
    case endOfInput
  }

  var input: Int
  var kind: Kind
  var bytesIntoInput = 0

  /// Decodes and processes the unit (on a worker thread).
  func process<Output: Sendable>(
    ingester: Ingester, _ process: (Document) -> Output
  ) -> BatchRunner.Event<Output> {
    var event = BatchRunner.Event<Output>(
      kind: .blank, line: nil, inputIndex: input, endsInput: false,
      bytesIntoInput: bytesIntoInput)
    switch kind {
    case .input(let input):
      // A text, Markdown or HTML file gives exactly one result.
      var result: Result<Document, IngestFailure>?
      ingester.read(input) { result = $0 }
      switch result {
      case .success(let document): event.kind = .document(process(document))
      case .failure(let failure): event.kind = .failure(failure)
      case nil: preconditionFailure("a \(input.format) input gave no document and no failure")
      }
      event.endsInput = true
    case .line(let bytes, let number, let source):
      var record = bytes[...]
      var line = number
      if source.isKeyed {
        guard let (key, rest) = Self.splitKey(bytes) else {
          event.line = number
          event.kind = .failure(
            IngestFailure(
              path: source.path, line: number,
              reason: "expected the line's number and a tab before the record (--keyed)"))
          return event
        }
        line = key
        record = rest
      }
      event.line = line
      // Control bytes cannot be in a JSON line (strings escape them): say it is binary.
      if let binary = record.withUnsafeBufferPointer({
        TextNormalizer.binaryReason($0, offset: 0)
      }) {
        event.kind = .failure(IngestFailure(path: source.path, line: line, reason: binary))
        return event
      }
      let results = ingester.documents(
        jsonl: Array(record), path: source.path, idPrefix: source.idPrefix, firstLine: line,
        metadata: source.metadata)
      switch results.first {
      case nil: event.kind = .blank
      case .success(let document):
        event.kind = .document(process(document))
        event.recordID = Self.recordID(of: document.id, prefix: source.idPrefix)
      case .failure(let failure): event.kind = .failure(failure)
      }
    case .tooLong(let count, let number, let source):
      event.line = number
      event.kind = .failure(
        IngestFailure(
          path: source.path, line: number,
          reason: FileSystem.tooLarge(count, limit: ingester.options.maxDocumentBytes)))
    case .failure(let failure):
      event.kind = .failure(failure)
    case .endOfInput:
      event.kind = .endOfInput
      event.endsInput = true
    }
    return event
  }

  /// `N<TAB>rest` split, N a positive decimal number; nil when the line does not start so.
  static func splitKey(_ bytes: [UInt8]) -> (Int, ArraySlice<UInt8>)? {
    var key = 0
    var index = 0
    while index < bytes.count, index < 18, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      key = key * 10 + Int(bytes[index] - 0x30)
      index += 1
    }
    guard index > 0, key > 0, index < bytes.count, bytes[index] == 0x09 else { return nil }
    return (key, bytes[(index + 1)...])
  }

  /// A record's own id: the document id without `prefix#`.
  static func recordID(of id: String, prefix: String?) -> String {
    guard let prefix else { return id }
    return String(id.utf8.dropFirst(prefix.utf8.count + 1))!
  }
}

/// Turns a document whose record id was already used in the same JSONL input into the failure
/// `Ingester.read(_:)` reports, checking events in input order.
private struct RepeatedIDChecker {
  private var sources: [Int: BatchRunner.LineSource] = [:]
  private var input = -1
  private var seen: [String: Int] = [:]

  /// Registers the JSONL source of input `index` (before its lines are added).
  mutating func start(_ source: BatchRunner.LineSource, index: Int) {
    if source.checksRepeatedIDs { sources[index] = source }
  }

  mutating func check<Output>(_ event: BatchRunner.Event<Output>) -> BatchRunner.Event<Output> {
    if event.inputIndex != input {
      input = event.inputIndex
      seen = [:]
    }
    if case .endOfInput = event.kind { sources[event.inputIndex] = nil }
    guard case .document = event.kind, let source = sources[event.inputIndex],
      let id = event.recordID, let line = event.line
    else { return event }
    guard let first = seen[id] else {
      seen[id] = line
      return event
    }
    var failed = event
    failed.kind = .failure(
      IngestFailure(
        path: source.path, line: line, reason: "id \"\(id)\" was already used on line \(first)"))
    return failed
  }
}
