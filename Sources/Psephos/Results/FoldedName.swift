import Foundation

/// A name folded for matching: case and accents removed, `&` read as "and", `St`/`St.` read as
/// "saint", apostrophes dropped and other punctuation read as spaces.
///
/// "St. Helens & Prescot", "saint helens and prescot" and "ST HELENS AND PRESCOT" fold alike;
/// so do "Sian Berry" and "Siân Berry", "O'Connor" and "OConnor".
public struct FoldedName: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The folded words joined by single spaces.
  public let key: String

  /// Folds `name`.
  ///
  /// Complexity: O(n) in the length of the name; ASCII names are folded byte by byte, others
  /// go through Foundation's case and diacritic folding first.
  public init(_ name: String) {
    let isASCII = name.utf8.allSatisfy { $0 < 0x80 }
    let folded =
      isASCII
      ? name : name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(folded.utf8.count + 4)
    var wordStart = 0
    func endWord() {
      guard bytes.count > wordStart else { return }
      if bytes.count - wordStart == 2, bytes[wordStart] == 0x73, bytes[wordStart + 1] == 0x74 {
        bytes.removeLast(2)
        bytes += Array("saint".utf8)  // "st" -> "saint"
      }
      bytes.append(0x20)
      wordStart = bytes.count
    }
    if isASCII {
      for byte in folded.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          bytes.append(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
          bytes.append(byte | 0x20)
        case UInt8(ascii: "'"), UInt8(ascii: "`"):
          continue
        case UInt8(ascii: "&"):
          endWord()
          bytes += Array("and ".utf8)
          wordStart = bytes.count
        default:
          endWord()
        }
      }
    } else {
      for scalar in folded.unicodeScalars {
        switch scalar {
        case "'", "\u{2019}", "\u{2018}", "`":
          continue
        case "&":
          endWord()
          bytes += Array("and ".utf8)
          wordStart = bytes.count
        default:
          if CharacterSet.alphanumerics.contains(scalar) {
            bytes += Array(String(scalar).lowercased().utf8)
          } else {
            endWord()
          }
        }
      }
    }
    endWord()
    if bytes.last == 0x20 { bytes.removeLast() }
    key = String(decoding: bytes, as: UTF8.self)
  }

  /// The folded words.
  public var words: [Substring] { key.split(separator: " ") }

  /// Whether the name is empty once folded.
  public var isEmpty: Bool { key.isEmpty }

  /// Whether `other`'s words appear as a consecutive run of whole words in this name.
  ///
  /// "labour" is in "scottish labour party"; "lab" is not.
  /// Complexity: O(n × m) in the two word counts.
  public func containsWords(of other: FoldedName) -> Bool {
    guard !other.isEmpty else { return true }
    let needle = " " + other.key + " "
    return (" " + key + " ").contains(needle)
  }

  /// Whether `other`'s folded text appears anywhere in this name, even inside a word.
  ///
  /// Complexity: O(n × m) in the two lengths.
  public func contains(_ other: FoldedName) -> Bool {
    other.isEmpty || key.contains(other.key)
  }

  public var description: String { key }

  public static func < (lhs: FoldedName, rhs: FoldedName) -> Bool { lhs.key < rhs.key }
}
