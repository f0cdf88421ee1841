/// A set of short ASCII words (at most 8 bytes), looked up case-insensitively from raw bytes
/// without making a `String`: each word is packed into a `UInt64`.
///
/// Complexity: O(length) per lookup, no allocation.
public struct ShortWordSet: Sendable {
  private let packed: Set<UInt64>

  /// Creates a set from ASCII words of at most 8 bytes.
  public init(_ words: [String]) {
    packed = Set(
      words.map { word in
        let bytes = Array(word.utf8)
        precondition(
          bytes.count <= 8 && bytes.allSatisfy { $0 < 0x80 }, "\(word) is not short ASCII")
        return Self.pack(bytes[...])!
      })
  }

  /// Whether the bytes, folded to lower case, spell a word in the set.
  public func contains<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
    guard let key = Self.pack(bytes) else { return false }
    return packed.contains(key)
  }

  private static func pack<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
    guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
    var key: UInt64 = 0
    for byte in bytes {
      guard byte < 0x80 else { return nil }
      let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
      key = key << 8 | UInt64(folded)
    }
    return key
  }
}
