/// What `Ingester.inputs(from:)` found: the inputs to read, the paths that failed and the
/// paths it passed over on purpose.
public struct Discovery: Sendable, Hashable {
  /// A path discovery did not turn into an input, and why. Not an error.
  public struct Skipped: Sendable, Hashable, CustomStringConvertible {
    /// The path.
    public var path: String
    /// Why it was skipped.
    public var reason: String

    /// Creates a note.
    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    /// `path: note: reason`.
    public var description: String { "\(path): note: \(reason)" }
  }

  /// The inputs, in reading order.
  public var inputs: [Input] = []
  /// Paths that could not be used: missing, unreadable, special files named explicitly,
  /// malformed manifest rows.
  public var failures: [IngestFailure] = []
  /// Paths passed over with a reason: other extensions, special files and repeated
  /// directories inside a folder, files reached twice.
  public var skipped: [Skipped] = []

  /// Creates an empty discovery.
  public init() {}
}

/// Input discovery.
///
/// - `-` is standard input (once), read as `Options.standardInputFormat`.
/// - A file named explicitly is read whatever its extension (unknown ones as text), even if
///   hidden. A FIFO, socket or device named explicitly is a failure: it is never opened, so
///   the run cannot hang (pipe it to `-` instead).
/// - A folder is walked recursively. Hidden entries (names starting with `.`) are not visited;
///   `manifest.csv` is read as the folder's manifest, not as an article; files with other
///   extensions than `.txt`, `.md`, `.markdown`, `.html`, `.htm`, `.jsonl` and special files
///   are skipped with a note. Symbolic links are followed, but no directory is entered twice
///   (device and inode), so link loops end; a broken link is skipped with a note.
/// - Order: the arguments in the order given; inside a folder, by relative path compared
///   byte by byte (deterministic whatever the file system returns). A file reached twice (two
///   arguments, a link, a hard link) is read once, at its first place.
extension Ingester {
  /// Finds the inputs under the given paths, sorted, without reading them.
  ///
  /// Complexity: O(f log f) for f files, one `lstat` per directory entry; memory O(f) paths.
  public func inputs(from paths: [String]) -> Discovery {
    var walk = InputWalk(limit: options.maxDocumentBytes)
    for argument in paths {
      if argument == "-" {
        walk.addStandardInput(format: options.standardInputFormat)
      } else {
        walk.add(argument)
      }
    }
    return walk.discovery
  }
}

/// The state of one discovery: what was found, which files and ids are taken.
struct InputWalk {
  let limit: Int
  var discovery = Discovery()
  private var files: Set<FileSystem.Identity> = []
  private var ids: Set<String> = []
  private var sawStandardInput = false
  /// Manifests read for explicitly named files, by directory.
  private var manifests: [String: Manifest] = [:]

  init(limit: Int) {
    self.limit = limit
  }

  static let supported = ".txt, .md, .markdown, .html, .htm, .jsonl"

  mutating func addStandardInput(format: Input.Format) {
    guard !sawStandardInput else {
      discovery.skipped.append(.init(path: "-", reason: "standard input is already an input"))
      return
    }
    sawStandardInput = true
    append(Input(id: "-", path: "-", format: format))
  }

  mutating func add(_ argument: String) {
    let path = Self.trimmingTrailingSlashes(argument)
    let status: FileSystem.Status
    switch FileSystem.status(path) {
    case .success(let value): status = value
    case .failure(let reason):
      discovery.failures.append(
        IngestFailure(path: argument, reason: "cannot read: \(reason.text)"))
      return
    }
    switch status.kind {
    case .directory:
      walk(root: path, identity: status.identity)
    case .regular:
      let name = Self.lastComponent(path)
      guard claim(status.identity, path: path) else { return }
      let directory = Self.directory(of: path)
      let metadata = manifest(in: directory).entries[name]?.metadata ?? Metadata()
      append(
        Input(
          id: name, path: path, format: Input.format(forFileName: name) ?? .text,
          metadata: metadata))
    default:
      discovery.failures.append(
        IngestFailure(
          path: argument,
          reason: "\(status.kind.phrase), not a regular file; not opened (to read a stream,"
            + " pipe it to standard input and pass `-`)"))
    }
  }

  /// The manifest in a directory of explicitly named files (empty when there is none).
  private mutating func manifest(in directory: String) -> Manifest {
    if let known = manifests[directory] { return known }
    let path = Self.join(directory, "manifest.csv")
    var manifest = Manifest()
    if case .success(let status) = FileSystem.status(path), status.kind == .regular {
      let loaded = Manifest.load(path: path, limit: limit)
      manifest = loaded.manifest
      discovery.failures += loaded.failures
    }
    manifests[directory] = manifest
    return manifest
  }

  /// Walks a folder: every supported file under it, sorted by relative path bytes.
  private mutating func walk(root: String, identity: FileSystem.Identity) {
    var visited: [FileSystem.Identity: String] = [identity: root]
    var pending = [""]  // relative paths of directories still to list
    var found: [(relative: String, format: Input.Format, identity: FileSystem.Identity)] = []
    var manifestDirectories: [String] = []
    var skipped: [Discovery.Skipped] = []
    var failures: [IngestFailure] = []
    while let relative = pending.popLast() {
      let directory = Self.join(root, relative)
      let names: [String]
      switch FileSystem.names(in: directory) {
      case .success(let list): names = list
      case .failure(let reason):
        failures.append(
          IngestFailure(path: directory, reason: "cannot list directory: \(reason.text)"))
        continue
      }
      var subdirectories: [String] = []
      for name in names.sorted(by: Self.bytewise) where !name.hasPrefix(".") {
        let child = relative.isEmpty ? name : relative + "/" + name
        let path = Self.join(root, child)
        var status: FileSystem.Status
        switch FileSystem.status(path, followLinks: false) {
        case .success(let value): status = value
        case .failure(let reason):
          failures.append(IngestFailure(path: path, reason: "cannot read: \(reason.text)"))
          continue
        }
        if status.kind == .symbolicLink {
          guard case .success(let target) = FileSystem.status(path) else {
            skipped.append(.init(path: path, reason: "broken symbolic link"))
            continue
          }
          status = target
        }
        switch status.kind {
        case .directory:
          if let first = visited[status.identity] {
            skipped.append(
              .init(path: path, reason: "directory already visited as \(first) (symbolic link)"))
          } else {
            visited[status.identity] = path
            subdirectories.append(child)
          }
        case .regular:
          if name == "manifest.csv" {
            manifestDirectories.append(relative)
          } else if let format = Input.format(forFileName: name) {
            found.append((child, format, status.identity))
          } else {
            skipped.append(
              .init(path: path, reason: "unsupported extension (reads \(Self.supported))"))
          }
        default:
          skipped.append(.init(path: path, reason: "\(status.kind.phrase), not a regular file"))
        }
      }
      // Pop subdirectories in sorted order.
      pending += subdirectories.reversed()
    }

    // Manifests: shallower first, so a deeper one overrides it field by field.
    var metadata: [String: Manifest.Entry] = [:]
    var listedBy: [String: String] = [:]
    manifestDirectories.sort {
      let depths = ($0.split(separator: "/").count, $1.split(separator: "/").count)
      return depths.0 != depths.1 ? depths.0 < depths.1 : Self.bytewise($0, $1)
    }
    for directory in manifestDirectories {
      let path = Self.join(root, Self.joinRelative(directory, "manifest.csv"))
      let loaded = Manifest.load(path: path, limit: limit)
      failures += loaded.failures
      for (file, entry) in loaded.manifest.entries {
        let key = Self.joinRelative(directory, file)
        let merged = entry.metadata.merged(over: metadata[key]?.metadata ?? Metadata())
        metadata[key] = Manifest.Entry(metadata: merged, line: entry.line)
        listedBy[key] = path
      }
    }

    found.sort { Self.bytewise($0.relative, $1.relative) }
    let foundPaths = Set(found.map(\.relative))
    for (key, manifest) in listedBy.sorted(by: { Self.bytewise($0.key, $1.key) })
    where !foundPaths.contains(key) {
      let line = metadata[key]!.line
      skipped.append(
        .init(
          path: "\(manifest):\(line)",
          reason: "lists \"\(key)\", which is not an input in \(root)"))
    }

    discovery.failures += failures.sorted { Self.bytewise($0.path, $1.path) }
    discovery.skipped += skipped.sorted { Self.bytewise($0.path, $1.path) }
    for file in found {
      let path = Self.join(root, file.relative)
      guard claim(file.identity, path: path) else { continue }
      append(
        Input(
          id: file.relative, path: path, format: file.format,
          metadata: metadata[file.relative]?.metadata ?? Metadata()))
    }
  }

  /// Marks a file as read; false (with a note) when it already was.
  private mutating func claim(_ identity: FileSystem.Identity, path: String) -> Bool {
    if files.contains(identity) {
      discovery.skipped.append(.init(path: path, reason: "same file as an earlier input"))
      return false
    }
    files.insert(identity)
    return true
  }

  /// Adds an input, giving it its full path as id (then a `~2` suffix) if its id is taken.
  private mutating func append(_ input: Input) {
    var input = input
    if ids.contains(input.id) {
      var id = input.path
      var suffix = 2
      while ids.contains(id) {
        id = "\(input.path)~\(suffix)"
        suffix += 1
      }
      input.id = id
    }
    ids.insert(input.id)
    discovery.inputs.append(input)
  }

  // MARK: - Paths

  /// Orders strings by their UTF-8 bytes (not by Unicode collation).
  static func bytewise(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
  }

  static func trimmingTrailingSlashes(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }

  static func join(_ root: String, _ relative: String) -> String {
    if relative.isEmpty { return root }
    if root == "." { return relative }
    return root.hasSuffix("/") ? root + relative : root + "/" + relative
  }

  static func joinRelative(_ directory: String, _ name: String) -> String {
    directory.isEmpty ? name : directory + "/" + name
  }

  static func lastComponent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
