import Foundation

/// The read-only reference data the entity extractor needs: parties, places, demonyms,
/// organisations, known people, given names, titles and the words that signal a person.
///
/// Loaded once per run from the bundled resources (`Resources/Knowledge/`) and shared by every
/// worker: it is an immutable value. Candidates and parties from the results data can be added
/// as plain strings when it is created.
public struct Knowledge: Sendable {
  /// Where a phrase's sense came from; decides the context a match needs.
  enum Origin: UInt8, Sendable {
    /// A party name, alias, adjective or member noun.
    case party
    /// A short party code ("Con", "LD"): only in brackets or before "gain"/"hold".
    case partyCode
    /// A place name.
    case place
    /// An informal area ("the Midlands", "the City"): one word needs "the" before it.
    case informalPlace
    /// A demonym or place adjective.
    case placeAdjective
    /// An organisation, medium or public body.
    case organization
    /// A person's full name from the known-people list or the results data.
    case person
    /// A form that names a known person on its own ("Corbyn", "Boris").
    case personAlone
  }

  /// One meaning of a phrase.
  struct Sense: Sendable {
    var kind: Mention.Kind
    var canonical: String
    var origin: Origin
    /// A one-word form that needs "the" before it ("the Guardian", "the Times").
    var needsThe = false
    /// What a metonymic name stands for ("Downing Street" -> the Government).
    var refersTo: String?
  }

  /// What a single word can be, as a bit set.
  struct WordClass: OptionSet, Sendable {
    let rawValue: UInt16
    /// A courtesy title left outside the name: Mr, Dr, Sir, Professor.
    static let title = WordClass(rawValue: 1 << 0)
    /// A peer's title kept inside the name: Lord, Baroness.
    static let peerage = WordClass(rawValue: 1 << 1)
    /// Letters after a name: MP, MSP, QC.
    static let postnominal = WordClass(rawValue: 1 << 2)
    /// A role or job noun that announces a name: leader, secretary, columnist.
    static let role = WordClass(rawValue: 1 << 3)
    /// A verb of saying: said, argued, told.
    static let speech = WordClass(rawValue: 1 << 4)
    /// A capitalised word that is never part of a person's name: The, Government, Monday.
    static let nonName = WordClass(rawValue: 1 << 5)
    /// A word that does not start a name on its own though it may end one: May, Green, Red.
    static let notGiven = WordClass(rawValue: 1 << 6)
    /// A given name from the given-names list.
    static let givenName = WordClass(rawValue: 1 << 7)
    /// An ordinary lower-case English word.
    static let commonWord = WordClass(rawValue: 1 << 8)
    /// A lower-case surname particle: de, van, von, ap, bin.
    static let particle = WordClass(rawValue: 1 << 9)
    /// A month name.
    static let month = WordClass(rawValue: 1 << 10)
    /// A courtesy title that always introduces a name: Mr, Mrs, Dr, Sir, Professor.
    static let courtesy = WordClass(rawValue: 1 << 11)
  }

  /// Multi-word names: parties, places, demonyms, organisations, people.
  let phrases: Gazetteer
  /// The senses that `phrases` entries point to.
  let senses: [Sense]
  /// Single words and their classes.
  let words: Gazetteer
  /// The class of each `words` entry.
  let wordClasses: [WordClass]

  /// How many names of each kind were loaded (for reports and tests).
  public let statistics: [String: Int]

  /// The bundled knowledge with no extra names, loaded on first use and then shared.
  ///
  /// The bundled files are part of the library: failing to read them is a packaging error.
  public static let standard: Knowledge = {
    do {
      return try Knowledge()
    } catch {
      preconditionFailure("bundled knowledge is unreadable: \(error)")
    }
  }()

  /// Loads the bundled knowledge and adds `people` (full names, e.g. candidates from the results
  /// data) and `parties` (party names as the results data writes them).
  ///
  /// Complexity: O(total size of the data files), some tens of milliseconds.
  public init(people: [String] = [], parties: [String] = []) throws(KnowledgeError) {
    guard let directory = Bundle.module.url(forResource: "Knowledge", withExtension: nil) else {
      throw KnowledgeError(file: "Resources/Knowledge", message: "not found in the bundle")
    }
    try self.init(directory: directory.path, people: people, parties: parties)
  }

  /// Loads knowledge from the data files in `directory` (the layout of `Resources/Knowledge`).
  public init(directory: String, people: [String] = [], parties: [String] = [])
    throws(KnowledgeError)
  {
    var loader = KnowledgeLoader(directory: directory)
    try loader.loadAll(extraPeople: people, extraParties: parties)
    phrases = loader.phrases
    senses = loader.senses
    words = loader.words
    wordClasses = loader.wordClasses
    statistics = loader.statistics
  }

  /// The classes of the word spelled by `range`, hashed as `hash`.
  @inline(__always)
  func wordClass(hash: UInt64, range: ByteRange, in bytes: UnsafeBufferPointer<UInt8>) -> WordClass
  {
    guard let entry = words.entry(hash: hash, ranges: CollectionOfOne(range), in: bytes) else {
      return []
    }
    return wordClasses[entry]
  }
}

/// A knowledge file that could not be read or parsed.
public struct KnowledgeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file concerned.
  public var file: String
  /// What went wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  /// `file: error: message`.
  public var description: String { "\(file): error: \(message)" }
}
