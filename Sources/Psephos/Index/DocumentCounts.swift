/// How many times something occurs in each document: an index's postings for one entry.
///
/// A flat list of (document id, count) rather than a dictionary: an index keeps one per entry,
/// a million-document corpus gives millions of postings, and a dictionary's buckets cost two to
/// three times the postings themselves. Adding and merging append; the list is put in id order
/// (and repeated ids summed) only when it is read out of order, which a corpus read in id order
/// never needs.
public struct DocumentCounts: Sendable, Equatable, ExpressibleByDictionaryLiteral {
  /// One document's count.
  public struct Posting: Sendable, Hashable {
    /// The document's id.
    public var document: String
    /// The count in that document.
    public var count: Int
  }

  private var postings: [Posting] = []
  /// Whether `postings` is in strictly increasing id order (so no id repeats).
  private var isNormal = true
  /// The counts summed over every document.
  public private(set) var total = 0

  /// No documents.
  public init() {}

  /// Counts from a dictionary literal (`["a": 2, "b": 1]`).
  public init(dictionaryLiteral elements: (String, Int)...) {
    for (document, count) in elements { add(count, in: document) }
  }

  /// Adds `count` for `document`.
  ///
  /// Complexity: amortised O(1).
  public mutating func add(_ count: Int, in document: String) {
    total += count
    if let last = postings.last {
      if last.document == document {
        postings[postings.count - 1].count += count
        return
      }
      if isNormal && !(last.document < document) { isNormal = false }
    }
    postings.append(Posting(document: document, count: count))
  }

  /// Adds every count of `other`.
  ///
  /// Complexity: O(count of `other`), amortised.
  public mutating func merge(_ other: DocumentCounts) {
    guard let first = other.postings.first else { return }
    total += other.total
    if let last = postings.last, isNormal {
      isNormal = other.isNormal && last.document < first.document
    } else if postings.isEmpty {
      isNormal = other.isNormal
    }
    postings.append(contentsOf: other.postings)
  }

  /// The postings in id order (by `String`'s `<`), each id once with its counts summed.
  ///
  /// Complexity: O(1) when the counts were added in id order, O(p log p) otherwise.
  public var sorted: [Posting] {
    guard !isNormal else { return postings }
    var normal: [Posting] = []
    normal.reserveCapacity(postings.count)
    for posting in postings.sorted(by: { $0.document < $1.document }) {
      if normal.last?.document == posting.document {
        normal[normal.count - 1].count += posting.count
      } else {
        normal.append(posting)
      }
    }
    return normal
  }

  /// The number of distinct documents.
  public var count: Int { isNormal ? postings.count : sorted.count }

  /// The count for one document (nil when it has none).
  ///
  /// Complexity: O(p).
  public subscript(document: String) -> Int? {
    let matching = postings.filter { $0.document == document }
    return matching.isEmpty ? nil : matching.reduce(0) { $0 + $1.count }
  }

  public static func == (left: DocumentCounts, right: DocumentCounts) -> Bool {
    left.sorted == right.sorted
  }
}
