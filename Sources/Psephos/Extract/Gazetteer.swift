/// A table of phrases keyed by the case-folded bytes of their token sequences, for longest-match
/// lookup over a document's tokens without making a `String` per token.
///
/// A phrase is stored as the folded bytes of its tokens joined by one space. Folding lowers ASCII
/// letters, drops full stops ("U.K." = "UK", "St." = "St") and writes the curly apostrophe U+2019
/// as "'". Keys are found by an FNV-1a hash over those bytes (open addressing) and confirmed by
/// comparing the bytes, so a hash collision can never produce a false match.
///
/// Each phrase also records which of its tokens are capitalised (a text token must then be
/// capitalised too: "Labour Party" does not match "Labour party") and which are short acronyms
/// (the text must be in capitals: "US" does not match "us" or "Us").
struct Gazetteer: Sendable {
  /// One distinct key and the payloads (senses) stored under it.
  struct Entry: Sendable {
    var hash: UInt64
    var keyStart: Int32
    var keyCount: Int32
    var tokenCount: Int16
    /// Bit k: token k of the phrase starts with a capital letter.
    var capitals: UInt16
    /// Bit k: token k of the phrase is an acronym of at most three letters.
    var acronyms: UInt16
    /// The first payload (an index into the owner's table).
    var payload: Int32
    /// Index into `extraPayloads` for keys with more than one payload, or -1.
    var extra: Int32
  }

  /// Further payloads of keys that have several, in insertion order.
  private var extraPayloads: [[Int32]] = []

  private(set) var entries: [Entry] = []
  private var keyBytes: [UInt8] = []
  private var slots: [Int32] = Array(repeating: -1, count: 16)
  /// Hashes of every proper token prefix of a stored phrase, so a scan stops early.
  private var prefixes = HashSet64()
  /// The most tokens in any phrase.
  private(set) var maxTokens = 0

  /// The number of distinct keys.
  var count: Int { entries.count }

  // MARK: Building

  /// Stores `payload` under the phrase whose tokens are `tokens` (byte ranges into `bytes`).
  /// Phrases of more than 16 tokens are ignored.
  mutating func insert(tokens: [ByteRange], of bytes: [UInt8], payload: Int32) {
    guard !tokens.isEmpty, tokens.count <= 16 else { return }
    var hasher = FoldedHasher()
    var key: [UInt8] = []
    var capitals: UInt16 = 0
    var acronyms: UInt16 = 0
    for (index, token) in tokens.enumerated() {
      if index > 0 {
        hasher.addSeparator()
        key.append(FoldedHasher.separator)
        prefixes.insert(hasher.previous)
      }
      bytes.withUnsafeBufferPointer { buffer in
        hasher.add(buffer, token)
        FoldedHasher.appendFolded(buffer, token, to: &key)
      }
      let first = bytes[token.start]
      if first >= 0x41 && first <= 0x5A || first >= 0xC3 && Self.startsUppercase(bytes, token) {
        capitals |= 1 << UInt16(index)
      }
      let letters = bytes[token.start..<token.end].filter { $0 != UInt8(ascii: ".") }
      if letters.count >= 2, letters.count <= 3, letters.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
        acronyms |= 1 << UInt16(index)
      }
    }
    let hash = hasher.value
    if let existing = find(hash: hash, key: key) {
      guard !payloads(of: existing).contains(payload) else { return }
      if entries[existing].extra < 0 {
        entries[existing].extra = Int32(extraPayloads.count)
        extraPayloads.append([payload])
      } else {
        extraPayloads[Int(entries[existing].extra)].append(payload)
      }
      return
    }
    let entry = Entry(
      hash: hash, keyStart: Int32(keyBytes.count), keyCount: Int32(key.count),
      tokenCount: Int16(tokens.count), capitals: capitals, acronyms: acronyms, payload: payload,
      extra: -1)
    keyBytes.append(contentsOf: key)
    entries.append(entry)
    maxTokens = max(maxTokens, tokens.count)
    if entries.count * 2 > slots.count { grow() } else { place(entries.count - 1) }
  }

  private static func startsUppercase(_ bytes: [UInt8], _ token: ByteRange) -> Bool {
    let scalar = String(
      decoding: bytes[token.start..<min(token.end, token.start + 4)], as: UTF8.self
    )
    .unicodeScalars.first
    return scalar?.properties.isUppercase ?? false
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 4)
    for index in entries.indices { place(index) }
  }

  private mutating func place(_ index: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(index)
  }

  private func find(hash: UInt64, key: [UInt8]) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 {
      let entry = entries[Int(slots[slot])]
      if entry.hash == hash, Int(entry.keyCount) == key.count,
        keyBytes[Int(entry.keyStart)..<Int(entry.keyStart + entry.keyCount)].elementsEqual(key)
      {
        return Int(slots[slot])
      }
      slot = (slot + 1) & mask
    }
    return nil
  }

  // MARK: Lookup

  /// Calls `body` with every payload of entry `index`, first one first, without allocating.
  @inline(__always) func forEachPayload(of index: Int, _ body: (Int32) -> Void) {
    let entry = entries[index]
    body(entry.payload)
    if entry.extra >= 0 {
      for payload in extraPayloads[Int(entry.extra)] { body(payload) }
    }
  }

  /// Every payload of entry `index`, first one first.
  func payloads(of index: Int) -> [Int32] {
    let entry = entries[index]
    return entry.extra < 0 ? [entry.payload] : [entry.payload] + extraPayloads[Int(entry.extra)]
  }

  /// Whether some stored phrase starts with the tokens hashed so far.
  ///
  /// Complexity: O(1).
  func hasPrefix(_ hash: UInt64) -> Bool { prefixes.contains(hash) }

  /// The entry whose key has `hash` and equals the folded bytes of `ranges`, if any.
  ///
  /// Complexity: O(length of the key) expected.
  func entry<Ranges: Collection<ByteRange>>(
    hash: UInt64, ranges: Ranges, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = slots[slot]
      if index < 0 { return nil }
      let entry = entries[Int(index)]
      if entry.hash == hash, Int(entry.tokenCount) == ranges.count,
        confirm(entry, ranges: ranges, in: bytes)
      {
        return Int(index)
      }
      slot = (slot + 1) & mask
    }
  }

  /// Compares the folded bytes of `ranges` (joined by one space) with the entry's key.
  private func confirm<Ranges: Collection<ByteRange>>(
    _ entry: Entry, ranges: Ranges, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    var position = Int(entry.keyStart)
    let end = Int(entry.keyStart + entry.keyCount)
    var first = true
    var ok = true
    keyBytes.withUnsafeBufferPointer { key in
      for range in ranges {
        if !first {
          guard position < end, key[position] == FoldedHasher.separator else {
            ok = false
            return
          }
          position += 1
        }
        first = false
        var index = range.start
        while index < range.end {
          let (folded, length) = FoldedHasher.fold(bytes, at: index, end: range.end)
          index += length
          guard let folded else { continue }
          guard position < end, key[position] == folded else {
            ok = false
            return
          }
          position += 1
        }
      }
    }
    return ok && position == end
  }
}

/// FNV-1a over case-folded bytes (see `Gazetteer`).
struct FoldedHasher {
  static let separator = UInt8(ascii: " ")
  private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x100_0000_01b3

  /// The hash so far.
  private(set) var value: UInt64 = FoldedHasher.offsetBasis
  /// The hash before the last separator.
  private(set) var previous: UInt64 = FoldedHasher.offsetBasis

  @inline(__always) mutating func add(byte: UInt8) {
    value = (value ^ UInt64(byte)) &* Self.prime
  }

  /// Adds the separator between two tokens.
  @inline(__always) mutating func addSeparator() {
    previous = value
    add(byte: Self.separator)
  }

  /// Adds the folded bytes of one token.
  @inline(__always) mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) {
    var index = range.start
    while index < range.end {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        if byte == UInt8(ascii: ".") { continue }
        add(byte: byte &- 0x41 < 26 ? byte | 0x20 : byte)
      } else {
        let (folded, length) = Self.fold(bytes, at: index, end: range.end)
        index += length
        if let folded { add(byte: folded) }
      }
    }
  }

  /// The folded form of the byte at `index` and how many bytes it covers; nil for a dropped byte.
  @inline(__always) static func fold(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int)
    -> (UInt8?, Int)
  {
    let byte = bytes[index]
    if byte < 0x80 {
      if byte == UInt8(ascii: ".") { return (nil, 1) }
      return (byte &- 0x41 < 26 ? byte | 0x20 : byte, 1)
    }
    // U+2019 RIGHT SINGLE QUOTATION MARK folds to "'".
    if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
      bytes[index + 2] == 0x99
    {
      return (UInt8(ascii: "'"), 3)
    }
    return (byte, 1)
  }

  static func appendFolded(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange, to key: inout [UInt8]
  ) {
    var index = range.start
    while index < range.end {
      let (folded, length) = fold(bytes, at: index, end: range.end)
      index += length
      if let folded { key.append(folded) }
    }
  }
}

/// A set of 64-bit hashes with open addressing (faster than `Set` for hashes that are already
/// well mixed).
struct HashSet64: Sendable {
  private var slots: [UInt64] = Array(repeating: 0, count: 64)
  private var count = 0

  mutating func insert(_ value: UInt64) {
    let key = value == 0 ? 1 : value
    if (count + 1) * 2 > slots.count {
      let old = slots
      slots = Array(repeating: 0, count: slots.count * 4)
      count = 0
      for item in old where item != 0 { insertKey(item) }
    }
    insertKey(key)
  }

  private mutating func insertKey(_ key: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key) & mask
    while slots[slot] != 0 {
      if slots[slot] == key { return }
      slot = (slot + 1) & mask
    }
    slots[slot] = key
    count += 1
  }

  /// Complexity: O(1) expected.
  @inline(__always) func contains(_ value: UInt64) -> Bool {
    let key = value == 0 ? 1 : value
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key) & mask
    while true {
      let item = slots[slot]
      if item == key { return true }
      if item == 0 { return false }
      slot = (slot + 1) & mask
    }
  }
}
