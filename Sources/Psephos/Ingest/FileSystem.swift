#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls ingest needs, with errors as readable reasons.
///
/// POSIX rather than `FileManager`: discovery must tell a FIFO from a file without opening it,
/// follow symbolic links knowingly (device and inode numbers for loop detection), and report
/// `errno` as the system words it ("Permission denied").
enum FileSystem {
  /// What `stat` says about a path.
  struct Status: Equatable {
    /// What kind of file it is.
    enum Kind: Equatable {
      case regular, directory, symbolicLink, fifo, socket, characterDevice, blockDevice, other

      /// A phrase for messages: "a FIFO", "a socket".
      var phrase: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a directory"
        case .symbolicLink: "a symbolic link"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .other: "a special file"
        }
      }
    }

    var kind: Kind
    var size: Int
    /// Device and inode: the file's identity, whatever the path.
    var identity: Identity
  }

  /// A file's identity across paths (hard links, symbolic links, `a/../a`).
  struct Identity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// The system's message for `errno`.
  static func message(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  private static func status(of info: stat) -> Status {
    let kind: Status.Kind
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symbolicLink
    case S_IFIFO: kind = .fifo
    case S_IFSOCK: kind = .socket
    case S_IFCHR: kind = .characterDevice
    case S_IFBLK: kind = .blockDevice
    default: kind = .other
    }
    return Status(
      kind: kind, size: Int(info.st_size),
      identity: Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
  }

  /// `stat` (following links) or `lstat`; the error is the system's message.
  static func status(_ path: String, followLinks: Bool = true) -> Result<Status, Reason> {
    resolving(path) { directory, relative in
      var info = stat()
      let flags = followLinks ? 0 : AT_SYMLINK_NOFOLLOW
      guard fstatat(directory, relative, &info, flags) == 0 else {
        return .failure(Reason(message(errno)))
      }
      return .success(status(of: info))
    }
  }

  /// `open`, for a path of any length.
  static func open(_ path: String, _ flags: Int32) -> Result<Int32, Reason> {
    resolving(path) { directory, relative in
      let descriptor = openat(directory, relative, flags | O_CLOEXEC)
      return descriptor >= 0 ? .success(descriptor) : .failure(Reason(message(errno)))
    }
  }

  /// Calls `body` with a directory descriptor and a path relative to it that name `path`.
  ///
  /// The system refuses a path of `PATH_MAX` bytes or more ("File name too long"), which a
  /// deep enough folder tree reaches; discovery would then list the files below that depth
  /// as failures although they can be read. Such a path is cut at slashes into pieces
  /// shorter than `PATH_MAX`, and all but the last opened in turn as directories, each
  /// relative to the one before. A shorter path goes to `body` as it is, relative to the
  /// current directory.
  ///
  /// Complexity: O(path length); one `openat` per `PATH_MAX` bytes beyond the first.
  private static func resolving<T>(
    _ path: String, _ body: (Int32, String) -> Result<T, Reason>
  ) -> Result<T, Reason> {
    let limit = Int(PATH_MAX)
    let bytes = Array(path.utf8)
    guard bytes.count >= limit else { return body(AT_FDCWD, path) }
    var directory = AT_FDCWD
    defer { if directory != AT_FDCWD { close(directory) } }
    var start = 0
    while bytes.count - start >= limit {
      // The last slash that leaves a piece shorter than PATH_MAX; a name is at most
      // NAME_MAX (255) bytes, so there is one.
      guard let slash = bytes[start..<(start + limit - 1)].lastIndex(of: UInt8(ascii: "/"))
      else { return .failure(Reason(message(ENAMETOOLONG))) }
      let piece = slash == start ? "/" : String(decoding: bytes[start..<slash], as: UTF8.self)
      let next = openat(directory, piece, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      guard next >= 0 else { return .failure(Reason(message(errno))) }
      if directory != AT_FDCWD { close(directory) }
      directory = next
      start = slash + 1
    }
    return body(directory, String(decoding: bytes[start...], as: UTF8.self))
  }

  /// A failure message.
  struct Reason: Error {
    var text: String
    init(_ text: String) { self.text = text }
  }

  /// The names in a directory, `.` and `..` excluded, in no particular order.
  static func names(in path: String) -> Result<[String], Reason> {
    let descriptor: Int32
    switch open(path, O_RDONLY | O_DIRECTORY) {
    case .success(let value): descriptor = value
    case .failure(let reason): return .failure(reason)
    }
    guard let directory = fdopendir(descriptor) else {
      let reason = Reason(message(errno))
      close(descriptor)
      return .failure(reason)
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) {
          String(cString: $0)
        }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return .success(names)
  }

  /// Reads a whole regular file, refusing special files and files over `limit` bytes.
  ///
  /// The file is opened non-blocking and checked with `fstat` before any read, so a FIFO
  /// that replaced a file since discovery cannot hang the run.
  static func contents(of path: String, limit: Int) -> Result<[UInt8], Reason> {
    let descriptor: Int32
    switch open(path, O_RDONLY | O_NONBLOCK) {
    case .success(let value): descriptor = value
    case .failure(let reason): return .failure(reason)
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(Reason(message(errno))) }
    let status = status(of: info)
    guard status.kind == .regular else {
      return .failure(Reason("\(status.kind.phrase), not a regular file"))
    }
    if status.size > limit { return .failure(Reason(tooLarge(status.size, limit: limit))) }
    return readAll(descriptor, limit: limit, expected: status.size)
  }

  /// Reads standard input to the end, refusing more than `limit` bytes.
  static func standardInput(limit: Int) -> Result<[UInt8], Reason> {
    readAll(0, limit: limit, expected: 64 * 1024)
  }

  /// Reads a descriptor to the end, refusing more than `limit` bytes.
  static func readAll(_ descriptor: Int32, limit: Int, expected: Int) -> Result<[UInt8], Reason> {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(expected, limit) + 1)
    let reason = readChunks(descriptor) { chunk in
      bytes.append(contentsOf: chunk)
      return bytes.count <= limit
    }
    if let reason { return .failure(reason) }
    if bytes.count > limit {
      return .failure(
        Reason(
          "more than \(limit) bytes, over the maximum document size of \(limit) bytes"
            + " (\(megabytes(limit)))\(raiseTheLimit)"))
    }
    return .success(bytes)
  }

  /// Reads a descriptor in 64 KB chunks until the end or until `body` returns false.
  ///
  /// A descriptor left non-blocking by the caller (standard input can be) is waited on with
  /// `poll` rather than failing with `EAGAIN`.
  private static func readChunks(_ descriptor: Int32, _ body: (ArraySlice<UInt8>) -> Bool)
    -> Reason?
  {
    let size = 1 << 16
    var buffer = [UInt8](repeating: 0, count: size)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK {
          var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
          _ = poll(&request, 1, -1)
          continue
        }
        return Reason(message(code))
      }
      if count == 0 || !body(buffer[0..<count]) { return nil }
    }
  }

  /// One line of a streamed file.
  enum Line: Equatable {
    /// The line's bytes, without the line feed.
    case bytes(ArraySlice<UInt8>)
    /// A line longer than the limit (its length), not kept in memory.
    case tooLong(Int)
  }

  /// Streams the lines of a regular file (or standard input when `path` is nil) to `body`.
  ///
  /// Returns the reason reading stopped early, if it did.
  static func lines(of path: String?, limit: Int, _ body: (Line, Int) -> Void) -> Reason? {
    guard let path else { return lines(descriptor: 0, limit: limit, body) }
    let descriptor: Int32
    switch open(path, O_RDONLY | O_NONBLOCK) {
    case .success(let value): descriptor = value
    case .failure(let reason): return reason
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return Reason(message(errno)) }
    let status = status(of: info)
    guard status.kind == .regular else {
      return Reason("\(status.kind.phrase), not a regular file")
    }
    return lines(descriptor: descriptor, limit: limit, body)
  }

  /// Streams the lines of a descriptor to `body` with their 1-based numbers, holding at most
  /// one line of `limit` bytes in memory. A last line without a line feed counts.
  static func lines(descriptor: Int32, limit: Int, _ body: (Line, Int) -> Void) -> Reason? {
    var line: [UInt8] = []
    var overflow = 0  // the length of the current line once it is over the limit
    var number = 1
    func add(_ piece: ArraySlice<UInt8>) {
      if overflow > 0 {
        overflow += piece.count
      } else if line.count + piece.count > limit {
        overflow = line.count + piece.count
        line = []
      } else {
        line.append(contentsOf: piece)
      }
    }
    func end() {
      body(overflow > 0 ? .tooLong(overflow) : .bytes(line[...]), number)
      line.removeAll(keepingCapacity: true)
      overflow = 0
      number += 1
    }
    let reason = readChunks(descriptor) { chunk in
      var start = chunk.startIndex
      while let newline = chunk[start...].firstIndex(of: 0x0A) {
        add(chunk[start..<newline])
        end()
        start = newline + 1
      }
      add(chunk[start...])
      return true
    }
    if let reason { return reason }
    if !line.isEmpty || overflow > 0 { end() }
    return nil
  }

  /// The size-limit message: "62914560 bytes (60.0 MB), over the maximum document size of …".
  static func tooLarge(_ size: Int, limit: Int) -> String {
    "\(size) bytes (\(megabytes(size))), over the maximum document size of \(limit) bytes"
      + " (\(megabytes(limit)))\(raiseTheLimit)"
  }

  /// What to do about a document over the limit.
  private static let raiseTheLimit = "; split it, or raise the limit (--max-document-size)"

  private static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
