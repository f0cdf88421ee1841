/// Case folding and hashing of token bytes, so dictionaries can be searched without making a
/// `String` per token.
///
/// Folding maps ASCII capitals to lower case, the Latin-1 capitals U+00C0–U+00DE (except ×) to
/// their small letters, and the curly apostrophes U+2018 and U+2019 to `'`. Every other byte is
/// kept. Folding never lengthens a text, so a buffer as long as the input is always enough.
enum TermFolding {
  /// The FNV-1a offset basis: the hash of no bytes.
  static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// One step of FNV-1a.
  @inline(__always)
  static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* prime
  }

  /// The FNV-1a hash of already folded bytes.
  static func hash<Bytes: Sequence<UInt8>>(folded bytes: Bytes) -> UInt64 {
    var result = emptyHash
    for byte in bytes { result = hash(result, byte) }
    return result
  }

  /// Folds `bytes[start..<end]` into `output` (which must hold `end - start` bytes) and returns
  /// the folded length and its hash.
  ///
  /// Complexity: O(end - start).
  @inline(__always)
  static func fold(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
    into output: UnsafeMutablePointer<UInt8>
  ) -> (count: Int, hash: UInt64) {
    var hash = emptyHash
    var count = 0
    var index = start
    while index < end {
      var byte = bytes[index]
      if byte < 0x80 {
        if byte &- UInt8(ascii: "A") < 26 { byte |= 0x20 }
        index += 1
      } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0x98 || bytes[index + 2] == 0x99
      {
        byte = UInt8(ascii: "'")
        index += 3
      } else if byte == 0xC3, index + 1 < end, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9E,
        bytes[index + 1] != 0x97
      {
        output[count] = byte
        hash = Self.hash(hash, byte)
        count += 1
        byte = bytes[index + 1] | 0x20
        index += 2
      } else {
        index += 1
      }
      output[count] = byte
      hash = Self.hash(hash, byte)
      count += 1
    }
    return (count, hash)
  }

  /// The folded bytes of a string (for building tables and for tests).
  static func folded(_ string: String) -> [UInt8] {
    let bytes = Array(string.utf8)
    return bytes.withUnsafeBufferPointer { input in
      [UInt8](unsafeUninitializedCapacity: max(input.count, 1)) { output, initialized in
        initialized = fold(input, from: 0, to: input.count, into: output.baseAddress!).count
      }
    }
  }
}

/// A set of folded byte strings, each given a dense index in insertion order: an open-addressing
/// hash table whose keys live back to back in one byte array. Lookups hash the folded bytes and
/// confirm by comparison; nothing is allocated per lookup.
///
/// Complexity: O(length) expected per lookup or insertion.
struct FoldedTermTable: Sendable {
  /// The folded bytes of every key, back to back.
  private(set) var storage: [UInt8] = []
  /// Where key `i` starts in `storage`; `count + 1` entries.
  private(set) var offsets: [Int32] = [0]
  /// The hash of every key.
  private(set) var hashes: [UInt64] = []
  /// Key index per slot, -1 where empty; the count is a power of two.
  private var slots: [Int32]

  /// Creates an empty table with room for about `capacity` keys before it grows.
  init(capacity: Int = 16) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = Array(repeating: -1, count: size)
  }

  /// The number of keys.
  var count: Int { hashes.count }

  /// The folded bytes of key `index`.
  func key(at index: Int) -> ArraySlice<UInt8> {
    storage[Int(offsets[index])..<Int(offsets[index + 1])]
  }

  /// The key at `index` as a string.
  func string(at index: Int) -> String {
    String(decoding: key(at: index), as: UTF8.self)
  }

  /// The index of folded bytes, or nil.
  func index(of folded: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let candidate = Int(slots[slot])
      if candidate < 0 { return nil }
      if hashes[candidate] == hash {
        let start = Int(offsets[candidate])
        if Int(offsets[candidate + 1]) - start == folded.count,
          storage[start..<(start + folded.count)].elementsEqual(folded)
        {
          return candidate
        }
      }
      slot = (slot + 1) & mask
    }
  }

  /// The index of a string's folded form, or nil.
  func index(of string: String) -> Int? {
    let folded = TermFolding.folded(string)
    return folded.withUnsafeBufferPointer {
      index(of: $0, hash: TermFolding.hash(folded: folded))
    }
  }

  /// Inserts folded bytes if absent; returns the key's index and whether it was new.
  @discardableResult
  mutating func insert(_ folded: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (
    index: Int, inserted: Bool
  ) {
    if let existing = index(of: folded, hash: hash) { return (existing, false) }
    let index = hashes.count
    storage.append(contentsOf: folded)
    offsets.append(Int32(storage.count))
    hashes.append(hash)
    if hashes.count * 2 > slots.count {
      rehash(size: slots.count * 2)
    } else {
      place(index)
    }
    return (index, true)
  }

  /// Inserts a string's folded form if absent.
  @discardableResult
  mutating func insert(_ string: String) -> (index: Int, inserted: Bool) {
    let folded = TermFolding.folded(string)
    return folded.withUnsafeBufferPointer { insert($0, hash: TermFolding.hash(folded: folded)) }
  }

  private mutating func place(_ index: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hashes[index]) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(index)
  }

  private mutating func rehash(size: Int) {
    slots = Array(repeating: -1, count: size)
    for index in hashes.indices { place(index) }
  }

  /// Runs `body` with a bounds-check-free view of the table, for hot loops.
  func withView<Result>(_ body: (View) -> Result) -> Result {
    storage.withUnsafeBufferPointer { storage in
      offsets.withUnsafeBufferPointer { offsets in
        hashes.withUnsafeBufferPointer { hashes in
          slots.withUnsafeBufferPointer { slots in
            body(View(storage: storage, offsets: offsets, hashes: hashes, slots: slots))
          }
        }
      }
    }
  }

  /// Unsafe pointers into a table that outlives them (see `withView`).
  struct View {
    let storage: UnsafeBufferPointer<UInt8>
    let offsets: UnsafeBufferPointer<Int32>
    let hashes: UnsafeBufferPointer<UInt64>
    let slots: UnsafeBufferPointer<Int32>

    /// The index of `count` folded bytes at `bytes` with hash `hash`, or nil.
    @inline(__always)
    func index(of bytes: UnsafePointer<UInt8>, count: Int, hash: UInt64) -> Int? {
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let candidate = Int(slots[slot])
        if candidate < 0 { return nil }
        if hashes[candidate] == hash {
          let start = Int(offsets[candidate])
          if Int(offsets[candidate + 1]) - start == count, equal(start, bytes, count) {
            return candidate
          }
        }
        slot = (slot + 1) & mask
      }
    }

    @inline(__always)
    private func equal(_ start: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
      var offset = 0
      while offset < count {
        if storage[start + offset] != bytes[offset] { return false }
        offset += 1
      }
      return true
    }
  }
}
