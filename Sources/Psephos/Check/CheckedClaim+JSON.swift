/// The claim object of the JSON contract (schema "psephos/1"): `start`, `end` (code points),
/// `text` (the sentence), `figure`, `subject`, `measure`, `election`, `compared_with`,
/// `attributed_to`, `verdict`, `expected`, `evidence[]` (`source`, `value`, `arithmetic`) and
/// `explanation`; plus `key` (the claim's own words), `category`, `role`, `count`,
/// `election_context`, `subject_entity`, `compared_with_entity` and `issues`, which the
/// contract allows as extra members.
extension CheckedClaim {
  /// The claim as a JSON object, offsets in code points of `text`.
  public func json(in text: SourceText) -> JSONValue {
    var object: [String: JSONValue] = claim.range.json(in: text)
    object["key"] = .object(claim.keyRange.json(in: text))
    object["figure"] = claim.figure.map { Self.json($0, in: text) } ?? .null
    object["subject"] = .string(claim.subject?.canonical)
    object["subject_entity"] = claim.subject.map { entity($0, in: text) } ?? .null
    object["measure"] = .string(claim.measure.rawValue)
    object["role"] = .string(claim.role.rawValue)
    object["category"] = .string(claim.category.rawValue)
    object["election"] = .string(verdict.election ?? claim.election.id)
    object["election_context"] = context(claim.election, inferred: verdict.isElectionInferred)
    if let comparison = claim.comparedWith {
      object["compared_with"] = .string(
        comparison.entity?.canonical ?? text.string(comparison.range))
      var compared: [String: JSONValue] = comparison.range.json(in: text)
      if let entity = comparison.entity { compared["entity"] = self.entity(entity, in: text) }
      compared["figure"] = comparison.figure.map { Self.json($0, in: text) } ?? .null
      compared["election"] = .string(verdict.comparedElection)
      object["compared_with_entity"] = .object(compared)
    }
    if let attribution = claim.attribution {
      object["attributed_to"] = .string(attribution.description)
    }
    object["verdict"] = .string(verdict.rating.rawValue)
    if let expected = verdict.expected {
      object["expected"] = .decimal(expected)
    } else {
      object["expected"] = .string(verdict.expectedText)
    }
    object["count"] = .string(verdict.count)
    object["evidence"] = .array(
      verdict.evidence.map { step in
        let value: JSONValue
        switch step.value {
        case .number(let number): value = .decimal(number)
        case .text(let words): value = .string(words)
        }
        return [
          "source": .string(step.source), "value": value, "arithmetic": .string(step.arithmetic),
        ]
      })
    object["explanation"] = .string(verdict.explanation)
    object["issues"] = .array(claim.issues.map(JSONValue.string))
    return .object(object)
  }

  /// A figure object: `start`, `end`, `text`, `value`, `unit`, `kind`, `hedge`.
  public static func json(_ figure: Figure, in text: SourceText) -> JSONValue {
    var object = figure.range.json(in: text)
    object["value"] = .decimal(figure.value)
    object["unit"] = .string(figure.unit)
    object["kind"] = .string(figure.kind.rawValue)
    object["hedge"] = .string(figure.hedge?.rawValue)
    return .object(object)
  }

  private func entity(_ entity: Claim.EntityReference, in text: SourceText) -> JSONValue {
    var object: [String: JSONValue] = [
      "canonical": .string(entity.canonical), "type": .string(entity.kind.rawValue),
      "resolution": .string(entity.resolution.rawValue),
    ]
    if let range = entity.range { object.merge(range.json(in: text)) { $1 } }
    return .object(object)
  }

  private func context(_ election: ElectionContext, inferred: Bool) -> JSONValue {
    var object: [String: JSONValue] = ["inferred": .bool(inferred)]
    object["id"] = .string(election.id)
    object["year"] = election.year.map(JSONValue.integer) ?? .null
    object["kind"] = .string(election.kind?.rawValue)
    object["place"] = .string(election.place)
    object["place_inherited"] = .bool(election.isPlaceInherited)
    object["round"] = .string(election.round?.rawValue)
    object["relative"] = .string(election.relative?.rawValue)
    return .object(object)
  }
}
