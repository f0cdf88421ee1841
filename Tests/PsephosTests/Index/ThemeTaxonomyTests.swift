import Testing

@testable import Psephos

@Suite struct ThemeTaxonomyTests {
  @Test func bundledTaxonomyHasTheCAPTopicsAndTheFourUKThemes() {
    let themes = ThemeTaxonomy.bundled.themes
    #expect(
      themes.map(\.id) == [
        "economy", "civil_rights", "health", "agriculture", "employment", "education",
        "environment", "energy", "immigration", "transport", "crime", "welfare", "housing",
        "business", "defence", "technology", "trade", "foreign_affairs", "government",
        "planning", "culture", "elections", "devolution", "europe", "local_government",
      ])
    #expect(
      themes.compactMap(\.capCode) == [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23,
      ])
    #expect(
      themes.filter { $0.capCode == nil }.map(\.label) == [
        "Elections, polls and party politics", "Devolution and independence", "Europe and Brexit",
        "Local government",
      ])
  }

  @Test func bundledThemesHaveFortyToOneHundredTwentyTerms() {
    let taxonomy = ThemeTaxonomy.bundled
    for (index, theme) in taxonomy.themes.enumerated() {
      let count = taxonomy.terms.filter { $0.theme == index }.count
      #expect((40...120).contains(count), "\(theme.id) has \(count) terms")
    }
  }

  @Test func readsWeightsExactlyAndDefaultsAnEmptyWeightToOne() throws {
    let taxonomy = try taxonomy("h,Health,3,nhs,2", "h,Health,3,nurse*,0.25", "h,Health,3,gp,")
    #expect(taxonomy.terms.map(\.weight) == [2, 0.25, 1])
    #expect(taxonomy.terms.map(\.isPrefix) == [false, true, false])
    #expect(taxonomy.terms.map(\.line) == [2, 3, 4])
  }

  @Test(arguments: [
    (
      "h,Health,3,NHS,1",
      "test.csv:2:12: error: term \"NHS\" must be lower case (matching ignores case)"
    ),
    (
      "h,Health,3,waiting list*,1",
      "test.csv:2:12: error: stem \"waiting list*\" must be one word of 3 to 63 bytes before the *"
    ),
    (
      "h,Health,3,gp*,1",
      "test.csv:2:12: error: stem \"gp*\" must be one word of 3 to 63 bytes before the *"
    ),
    (
      "h,Health,3,nhs,lots",
      "test.csv:2:16: error: weight \"lots\" is not a decimal like 1, 0.5 or 1.25"
    ),
    ("h,Health,3,nhs,11", "test.csv:2:16: error: weight 11 is outside 0.01...10"),
    (
      "h,Health,3a,nhs,1",
      "test.csv:2:10: error: cap_code \"3a\" is not a CAP major topic number (1-99)"
    ),
    (
      "Health,Health,3,nhs,1",
      "test.csv:2:1: error: theme_id \"Health\" must be lower-case letters, digits and _"
    ),
  ])
  func rejectsAMalformedRowWithItsPosition(row: String, message: String) {
    #expect(loadError([row])?.description == message)
  }

  @Test func rejectsATermListedTwiceForOneThemeIgnoringCase() {
    let error = loadError(["h,Health,3,women's rights,1", "h,Health,3,women’s rights,2"])
    #expect(error?.line == 3)
    #expect(error?.message == "term \"women’s rights\" is listed twice for theme h (ignoring case)")
  }

  @Test func rejectsAThemeWhoseLabelChanges() {
    let error = loadError(["h,Health,3,nhs,1", "h,Healthcare,3,gp,1"])
    #expect(error?.message == "theme h already has the label \"Health\"")
  }

  private func loadError(_ rows: [String]) -> ThemeTaxonomy.LoadError? {
    do {
      _ = try taxonomy(rows)
      return nil
    } catch {
      return error
    }
  }

  @Test func rejectsAFileWithoutTheTermColumn() {
    do {
      _ = try ThemeTaxonomy(csv: Array("theme_id,theme_label\nh,Health\n".utf8), file: "x.csv")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("x.csv:1:1: error: missing column \"term\""))
    }
  }
}
