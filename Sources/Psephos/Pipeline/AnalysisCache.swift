import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Analysed documents kept on disk (`--cache DIR`), so a re-run over an unchanged folder reads
/// each document's record instead of analysing it again.
///
/// An entry's key is the SHA-256 of:
/// - the pipeline version: `Release.version`, `AnalysisCache.schema` and the digest of the
///   running executable (a rebuilt `psephos` never trusts another build's results);
/// - the knowledge version: the bundled knowledge files and the results files in use (see
///   `AnalysisCache.knowledgeVersion(resultsPaths:)`), so a new or changed results file
///   invalidates every entry;
/// - the document as read: its id, path, metadata, ingest findings and the SHA-256 of its bytes,
///   so a changed file (or one moved or renamed) misses and is analysed again.
///
/// Entries live in `DIR/ab/abcd….entry` (the first two hex digits of the key as a folder). Each
/// is written to a temporary name in the same folder and renamed into place, so a reader never
/// sees half an entry, and concurrent runs sharing a folder at worst write the same entry twice.
/// An entry starts with a header line `psephos-cache/1 <sha256 of the body> <body bytes>` and a
/// body of one compact JSON object (`DocumentRecord.storedJSON`); an entry whose header, digest
/// or JSON does not check out is reported as corrupt, analysed again and rewritten.
///
/// Nothing is ever evicted: entries of old versions stay until the folder is removed.
public struct AnalysisCache: Sendable {
  /// The version of the entry format and of what a record holds; bump it when either changes.
  public static let schema = "psephos-cache/1"

  /// The folder holding the entries.
  public let directory: String
  /// The pipeline and knowledge versions every key includes.
  public let version: String

  /// What a lookup found.
  public enum Lookup: Sendable {
    /// A valid entry.
    case hit(DocumentRecord)
    /// No entry.
    case miss
    /// An entry that cannot be used, and why.
    case corrupt(String)
  }

  /// How a record was obtained, for the run summary and notes.
  public enum Outcome: Sendable, Hashable {
    /// Read from the cache.
    case hit
    /// Analysed and stored.
    case stored
    /// Analysed; the entry found was corrupt (the reason) and was replaced.
    case replacedCorrupt(String)
    /// Analysed, but could not be stored (the reason).
    case notStored(String)

    /// The line to print on standard error about it, if it deserves one.
    public var note: String? {
      switch self {
      case .hit, .stored: nil
      case .replacedCorrupt(let reason):
        "cache: note: corrupt entry ignored and rewritten: \(reason)"
      case .notStored(let reason): "cache: warning: entry not written: \(reason)"
      }
    }
  }

  /// Opens (creating if needed) a cache folder for one pipeline and knowledge version.
  ///
  /// Throws a message naming the folder if it cannot be created or is not a folder.
  public init(directory: String, version: String) throws(CacheError) {
    var isDirectory: ObjCBool = false
    let manager = FileManager.default
    if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw CacheError(path: directory, reason: "is a file, not a folder")
      }
    } else {
      do {
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw CacheError(
          path: directory, reason: "cannot create folder: \(error.localizedDescription)")
      }
    }
    let tag = directory + "/CACHEDIR.TAG"
    if !manager.fileExists(atPath: tag) {
      let text = """
        Signature: 8a477f597d28d172789f06886806bc55
        # This file is a cache directory tag created by psephos (analysis cache).
        # Backup tools that honour it skip this folder; it can be removed at any time.

        """
      _ = Self.writeAtomically(Array(text.utf8), to: tag, directory: directory)
    }
    self.directory = directory
    self.version = version
  }

  // MARK: - Keys

  /// The key of a document: the SHA-256 (hex) of the versions and the document's members.
  ///
  /// Complexity: O(metadata and findings), not O(text): the text is represented by its digest.
  public func key(for document: Document) -> String {
    var bytes = Array("\(Self.schema)\n\(version)\n".utf8)
    JSONValue.object(document.jsonMembers).write(to: &bytes)
    return SHA256.hex(bytes)
  }

  /// The entry file of a key.
  public func path(forKey key: String) -> String {
    "\(directory)/\(key.prefix(2))/\(key).entry"
  }

  // MARK: - Reading and writing

  /// Reads the entry of a key.
  public func lookup(key: String) -> Lookup {
    let path = path(forKey: key)
    guard let data = FileManager.default.contents(atPath: path) else { return .miss }
    let bytes = [UInt8](data)
    guard let newline = bytes.firstIndex(of: 0x0A) else { return .corrupt("no header line") }
    let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
    guard header.count == 3, header[0] == Self.schema, let count = Int(header[2]) else {
      return .corrupt("the header is not '\(Self.schema) <sha256> <bytes>'")
    }
    let body = bytes[(newline + 1)...]
    guard body.count == count else {
      return .corrupt("\(body.count) bytes after the header, \(count) expected (truncated?)")
    }
    guard SHA256.hex(body) == header[1] else { return .corrupt("the body's SHA-256 differs") }
    do {
      return .hit(try DocumentRecord(storedJSON: JSONValue(parsing: body)))
    } catch {
      return .corrupt("\(error)")
    }
  }

  /// Writes the entry of a key atomically; returns why it could not be written, if it could
  /// not.
  public func store(_ record: DocumentRecord, key: String) -> String? {
    var body: [UInt8] = []
    record.storedJSON.write(to: &body)
    var bytes = Array("\(Self.schema) \(SHA256.hex(body)) \(body.count)\n".utf8)
    bytes.append(contentsOf: body)
    let folder = "\(directory)/\(key.prefix(2))"
    if !FileManager.default.fileExists(atPath: folder) {
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true)
      } catch {
        return "\(folder): cannot create folder: \(error.localizedDescription)"
      }
    }
    return Self.writeAtomically(bytes, to: path(forKey: key), directory: folder)
  }

  /// The record of a document: from its entry when there is a valid one, else from `analyze`,
  /// then stored. Safe to call from many threads at once.
  public func record(
    for document: Document, analyze: (Document) -> DocumentRecord
  ) -> (record: DocumentRecord, outcome: Outcome) {
    let key = key(for: document)
    var corruption: String?
    switch lookup(key: key) {
    case .hit(let record): return (record, .hit)
    case .miss: break
    case .corrupt(let reason): corruption = "\(path(forKey: key)): \(reason)"
    }
    let record = analyze(document)
    if let failure = store(record, key: key) { return (record, .notStored(failure)) }
    return (record, corruption.map(Outcome.replacedCorrupt) ?? .stored)
  }

  /// Writes `bytes` to a temporary file in `directory` and renames it to `path`; returns why it
  /// failed, having removed the temporary file.
  static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) -> String? {
    let name = (path as NSString).lastPathComponent
    let temporary = "\(directory)/.\(name).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return "\(temporary): \(String(cString: strerror(errno)))" }
    var written = 0
    var failure: String?
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        failure = "\(temporary): \(String(cString: strerror(errno)))"
        break
      }
      written += count
    }
    if close(descriptor) != 0 && failure == nil {
      failure = "\(temporary): \(String(cString: strerror(errno)))"
    }
    if failure == nil && rename(temporary, path) != 0 {
      failure = "\(path): \(String(cString: strerror(errno)))"
    }
    if failure != nil { unlink(temporary) }
    return failure
  }
}

// MARK: - Versions

extension AnalysisCache {
  /// The pipeline version: `Release.version`, `schema` and the SHA-256 of the running
  /// executable (computed once per process).
  public static var pipelineVersion: String { PipelineVersion.value }

  /// The knowledge version: the SHA-256 of every bundled knowledge file and every results CSV
  /// under `resultsPaths` (as `ResultsStore(loading:)` finds them), each with its file name.
  ///
  /// Complexity: O(total size of the files).
  public static func knowledgeVersion(resultsPaths: [String]) -> String {
    var hasher = SHA256()
    var files: [(name: String, path: String)] = []
    if let knowledge = Bundle.module.url(forResource: "Knowledge", withExtension: nil) {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: knowledge.path)) ?? []
      for name in names.sorted() {
        files.append(("knowledge/\(name)", knowledge.path + "/" + name))
      }
    }
    for path in ResultsValidator.csvFiles(in: resultsPaths).files {
      files.append(("results/\((path as NSString).lastPathComponent)", path))
    }
    for file in files {
      let bytes = FileManager.default.contents(atPath: file.path).map { [UInt8]($0) } ?? []
      hasher.update(Array("\(file.name)\n\(bytes.count)\n".utf8))
      hasher.update(bytes)
    }
    return SHA256.hexString(hasher.finalize())
  }

  /// `pipelineVersion` and `knowledgeVersion(resultsPaths:)` together: what `--cache` uses.
  public static func version(resultsPaths: [String]) -> String {
    "\(pipelineVersion) \(knowledgeVersion(resultsPaths: resultsPaths))"
  }
}

private enum PipelineVersion {
  static let value: String = {
    var executable = "unknown-executable"
    if let path = Bundle.main.executablePath,
      let data = FileManager.default.contents(atPath: path)
    {
      executable = SHA256.hex([UInt8](data))
    }
    return "\(Release.version) \(AnalysisCache.schema) \(executable)"
  }()
}

/// A cache folder that cannot be used.
public struct CacheError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The folder.
  public var path: String
  /// What is wrong.
  public var reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `path: error: reason`.
  public var description: String { "\(path): error: \(reason)" }
}
