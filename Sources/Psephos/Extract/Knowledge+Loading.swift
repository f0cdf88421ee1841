import Foundation

/// Reads the knowledge files and builds the two gazetteers. Used once by `Knowledge.init`.
///
/// Files (all in `Resources/Knowledge/`, documented in its SOURCES.md):
/// `parties.csv`, `places.csv`, `demonyms.csv`, `organisations.csv`, `people.csv`,
/// `name_context.csv`, `common_words.txt`, and the shared gazetteers `constituencies.csv`,
/// `local_authorities.csv`, `regions.csv`, `countries.csv`, `given_names.csv`.
struct KnowledgeLoader {
  let directory: String
  var phrases = Gazetteer()
  var senses: [Knowledge.Sense] = []
  var words = Gazetteer()
  var wordClasses: [Knowledge.WordClass] = []
  var statistics: [String: Int] = [:]
  private let tokenizer = Tokenizer()

  init(directory: String) {
    self.directory = directory
  }

  mutating func loadAll(extraPeople: [String], extraParties: [String]) throws(KnowledgeError) {
    try loadParties(extraParties: extraParties)
    try loadPlaces()
    try loadDemonyms()
    try loadOrganisations()
    try loadPeople(extraPeople: extraPeople)
    try loadWords()
  }

  // MARK: Phrases

  /// Adds a phrase with one sense; returns whether it was usable.
  @discardableResult
  private mutating func add(_ phrase: String, _ sense: Knowledge.Sense) -> Bool {
    let trimmed = phrase.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return false }
    let text = SourceText(trimmed)
    let tokens = tokenizer.tokenize(text).tokens.map(\.range)
    guard !tokens.isEmpty else { return false }
    senses.append(sense)
    phrases.insert(tokens: tokens, of: text.bytes, payload: Int32(senses.count - 1))
    statistics[sense.kind.rawValue, default: 0] += 1
    return true
  }

  private func table(_ name: String) throws(KnowledgeError) -> CSVReader.Table {
    let path = directory + "/" + name
    do {
      return try CSVReader.read(contentsOfFile: path)
    } catch {
      throw KnowledgeError(file: path, message: error.description)
    }
  }

  private func column(_ table: CSVReader.Table, _ name: String, in file: String)
    throws(KnowledgeError) -> Int
  {
    guard let index = table.columnIndex(named: name) else {
      throw KnowledgeError(file: directory + "/" + file, message: "no column \"\(name)\"")
    }
    return index
  }

  private static func split(_ field: String?) -> [String] {
    guard let field, !field.isEmpty else { return [] }
    return field.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  /// "the North East" -> "North East": a leading "the" stays outside every span.
  private static func withoutArticle(_ name: String) -> String {
    for article in ["the ", "The "] where name.hasPrefix(article) {
      return String(name.dropFirst(article.count))
    }
    return name
  }

  private mutating func loadParties(extraParties: [String]) throws(KnowledgeError) {
    let file = "parties.csv"
    let parties = try table(file)
    let name = try column(parties, "name", in: file)
    let codes = try column(parties, "codes", in: file)
    let aliases = try column(parties, "aliases", in: file)
    var known: Set<String> = []
    for row in parties.rows {
      guard let canonical = row[name]?.text, !canonical.isEmpty else { continue }
      known.insert(canonical.lowercased())
      let sense = Knowledge.Sense(kind: .party, canonical: canonical, origin: .party)
      add(Self.withoutArticle(canonical), sense)
      for alias in Self.split(row[aliases]?.text) {
        add(Self.withoutArticle(alias), sense)
        known.insert(alias.lowercased())
      }
      for code in Self.split(row[codes]?.text) {
        add(code, Knowledge.Sense(kind: .party, canonical: canonical, origin: .partyCode))
      }
    }
    for party in extraParties {
      // Results files label parties in their own way ("Labour and Co-operative"); a name not
      // known yet becomes its own canonical party.
      let trimmed = party.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, !known.contains(trimmed.lowercased()),
        !trimmed.contains("("), trimmed.lowercased() != "no overall control"
      else { continue }
      known.insert(trimmed.lowercased())
      add(
        Self.withoutArticle(trimmed),
        Knowledge.Sense(kind: .party, canonical: trimmed, origin: .party))
    }
  }

  private mutating func loadPlaces() throws(KnowledgeError) {
    // The shared gazetteers.
    let constituencies = try table("constituencies.csv")
    let constituencyName = try column(constituencies, "name", in: "constituencies.csv")
    for row in constituencies.rows {
      guard let name = row[constituencyName]?.text else { continue }
      let sense = Knowledge.Sense(kind: .place, canonical: name, origin: .place)
      add(name, sense)
      // "Birmingham, Edgbaston" is often written "Birmingham Edgbaston".
      if name.contains(", ") { add(name.replacingOccurrences(of: ", ", with: " "), sense) }
    }
    let authorities = try table("local_authorities.csv")
    let authorityName = try column(authorities, "name", in: "local_authorities.csv")
    for row in authorities.rows {
      guard let name = row[authorityName]?.text else { continue }
      // "Bristol, City of" -> "Bristol" (also "City of Bristol").
      if let comma = name.range(of: ", ") {
        let base = String(name[..<comma.lowerBound])
        let designation = String(name[comma.upperBound...])
        let sense = Knowledge.Sense(kind: .place, canonical: base, origin: .place)
        add(base, sense)
        add(designation + " " + base, sense)
      } else {
        add(name, Knowledge.Sense(kind: .place, canonical: name, origin: .place))
      }
    }
    let regions = try table("regions.csv")
    let regionName = try column(regions, "name", in: "regions.csv")
    let regionAliases = try column(regions, "aliases", in: "regions.csv")
    for row in regions.rows {
      guard let name = row[regionName]?.text else { continue }
      let sense = Knowledge.Sense(kind: .place, canonical: name, origin: .place)
      // A bare compass word ("East") is not a place name in prose.
      if !["East", "West", "North", "South"].contains(name) { add(name, sense) }
      for alias in Self.split(row[regionAliases]?.text) { add(Self.withoutArticle(alias), sense) }
    }
    let countries = try table("countries.csv")
    let countryName = try column(countries, "name", in: "countries.csv")
    let commonName = try column(countries, "common_name", in: "countries.csv")
    let demonym = try column(countries, "demonym", in: "countries.csv")
    for row in countries.rows {
      guard let name = row[countryName]?.text else { continue }
      let common = row[commonName]?.text ?? ""
      let canonical = common.isEmpty ? name : common
      let sense = Knowledge.Sense(kind: .place, canonical: canonical, origin: .place)
      if !name.contains(",") { add(name, sense) }
      if !common.isEmpty { add(common, sense) }
      for form in Self.split(row[demonym]?.text) {
        add(
          form,
          Knowledge.Sense(kind: .placeAdjective, canonical: canonical, origin: .placeAdjective))
      }
    }
    // Psephos's own list: nations, counties, towns, London districts, informal areas.
    let places = try table("places.csv")
    let name = try column(places, "name", in: "places.csv")
    let kind = try column(places, "kind", in: "places.csv")
    let aliases = try column(places, "aliases", in: "places.csv")
    for row in places.rows {
      guard let canonical = row[name]?.text, !canonical.isEmpty else { continue }
      let origin: Knowledge.Origin = row[kind]?.text == "informal" ? .informalPlace : .place
      let sense = Knowledge.Sense(kind: .place, canonical: canonical, origin: origin)
      add(canonical, sense)
      for alias in Self.split(row[aliases]?.text) { add(alias, sense) }
    }
  }

  private mutating func loadDemonyms() throws(KnowledgeError) {
    let file = "demonyms.csv"
    let demonyms = try table(file)
    let form = try column(demonyms, "form", in: file)
    let place = try column(demonyms, "place", in: file)
    for row in demonyms.rows {
      guard let text = row[form]?.text, let canonical = row[place]?.text else { continue }
      add(
        text, Knowledge.Sense(kind: .placeAdjective, canonical: canonical, origin: .placeAdjective))
    }
  }

  private mutating func loadOrganisations() throws(KnowledgeError) {
    let file = "organisations.csv"
    let organisations = try table(file)
    let name = try column(organisations, "name", in: file)
    let aliases = try column(organisations, "aliases", in: file)
    let refersTo = try column(organisations, "refers_to", in: file)
    let needsThe = try column(organisations, "needs_the", in: file)
    for row in organisations.rows {
      guard let canonical = row[name]?.text, !canonical.isEmpty else { continue }
      let refers = row[refersTo]?.text ?? ""
      let the = row[needsThe]?.text == "1"
      for form in [canonical] + Self.split(row[aliases]?.text) {
        let bare = Self.withoutArticle(form)
        let oneWord = !bare.contains(" ")
        add(
          bare,
          Knowledge.Sense(
            kind: .organization, canonical: canonical, origin: .organization,
            needsThe: the && oneWord, refersTo: refers.isEmpty ? nil : refers))
      }
    }
  }

  private mutating func loadPeople(extraPeople: [String]) throws(KnowledgeError) {
    let file = "people.csv"
    let people = try table(file)
    let name = try column(people, "name", in: file)
    let alone = try column(people, "alone", in: file)
    for row in people.rows {
      guard let canonical = row[name]?.text, !canonical.isEmpty else { continue }
      add(canonical, Knowledge.Sense(kind: .person, canonical: canonical, origin: .person))
      for form in Self.split(row[alone]?.text) {
        add(form, Knowledge.Sense(kind: .person, canonical: canonical, origin: .personAlone))
      }
    }
    for person in extraPeople {
      let trimmed = person.trimmingCharacters(in: .whitespaces)
      // A full name has at least two words; a one-word label ("Speaker") is not a person.
      guard trimmed.contains(" ") else { continue }
      add(trimmed, Knowledge.Sense(kind: .person, canonical: trimmed, origin: .person))
      // A candidate's surname and given name on their own ("Khan", "Boris") name them when the
      // article does not name someone else so; ordinary words need context (see the extractor).
      let words = trimmed.split(separator: " ")
      for form in [words.last!, words.first!] where form.count >= 3 {
        add(String(form), Knowledge.Sense(kind: .person, canonical: trimmed, origin: .personAlone))
      }
    }
  }

  // MARK: Words

  private mutating func addWord(_ word: String, _ wordClass: Knowledge.WordClass) {
    let text = SourceText(word)
    guard !text.bytes.isEmpty else { return }
    let range = ByteRange(0, text.bytes.count)
    // Look the word up first: a word can have several classes.
    let existing = text.bytes.withUnsafeBufferPointer { buffer -> Int? in
      var hasher = FoldedHasher()
      hasher.add(buffer, range)
      return words.entry(hash: hasher.value, ranges: CollectionOfOne(range), in: buffer)
    }
    if let existing {
      wordClasses[existing].formUnion(wordClass)
    } else {
      wordClasses.append(wordClass)
      words.insert(tokens: [range], of: text.bytes, payload: Int32(wordClasses.count - 1))
    }
  }

  private mutating func loadWords() throws(KnowledgeError) {
    let given = try table("given_names.csv")
    let givenName = try column(given, "name", in: "given_names.csv")
    for row in given.rows {
      if let name = row[givenName]?.text { addWord(name, .givenName) }
    }
    statistics["given names"] = given.rows.count

    let path = directory + "/common_words.txt"
    guard let data = FileManager.default.contents(atPath: path) else {
      throw KnowledgeError(file: path, message: "cannot read the file")
    }
    var count = 0
    // Split on bytes: splitting the 600 KB as a String breaks it into graphemes first.
    for line in data.split(separator: UInt8(ascii: "\n")) {
      let word = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
      guard !word.isEmpty else { continue }
      addWord(String(decoding: word, as: UTF8.self), .commonWord)
      count += 1
    }
    statistics["common words"] = count

    let file = "name_context.csv"
    let context = try table(file)
    let word = try column(context, "word", in: file)
    let category = try column(context, "category", in: file)
    for row in context.rows {
      guard let text = row[word]?.text, !text.contains(" ") else { continue }
      let wordClass: Knowledge.WordClass
      switch row[category]?.text {
      case "title": wordClass = .title
      case "peerage": wordClass = .peerage
      case "postnominal": wordClass = .postnominal
      case "role": wordClass = .role
      case "speech": wordClass = .speech
      case "nonname": wordClass = .nonName
      case "notgiven": wordClass = .notGiven
      default:
        throw KnowledgeError(
          file: directory + "/" + file,
          message: "line \(row.line): unknown category \"\(row[category]?.text ?? "")\"")
      }
      addWord(text, wordClass)
    }
    for particle in [
      "de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "le", "la", "bin", "ibn",
      "al", "ap", "ab", "dos", "das",
    ] {
      addWord(particle, .particle)
    }
    for title in [
      "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Professor", "Prof", "Cllr",
      "Councillor", "Rt", "Hon", "Rev", "Revd", "Reverend",
    ] {
      addWord(title, [.courtesy, .title])
    }
    for month in [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
      "Sept", "Oct", "Nov", "Dec",
    ] {
      addWord(month, .month)
    }
  }
}
