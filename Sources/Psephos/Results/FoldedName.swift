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
  /// Complexity: O(n) in the length of the name.
  public init(_ name: String) {
    let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var words: [String] = []
    var word = ""
    func endWord() {
      guard !word.isEmpty else { return }
      words.append(word == "st" ? "saint" : word)
      word = ""
    }
    for scalar in folded.unicodeScalars {
      switch scalar {
      case "'", "\u{2019}", "\u{2018}", "`":
        continue
      case "&":
        endWord()
        words.append("and")
      default:
        if CharacterSet.alphanumerics.contains(scalar) {
          word.unicodeScalars.append(scalar)
        } else {
          endWord()
        }
      }
    }
    endWord()
    key = words.joined(separator: " ")
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
