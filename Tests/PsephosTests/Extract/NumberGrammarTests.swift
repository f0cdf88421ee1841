import Foundation
import Testing

@testable import Psephos

/// The numeral reader on its own: the value of number words and digit tokens.
@Suite struct NumberGrammarTests {
  /// The first numeral in `string` and its text.
  private func numeral(_ string: String) -> (value: Decimal, text: String)? {
    let text = SourceText(string)
    let tokenized = Tokenizer().tokenize(text)
    return text.bytes.withUnsafeBufferPointer { bytes in
      tokenized.tokens.withUnsafeBufferPointer { tokens in
        let grammar = NumberGrammar(bytes: bytes, tokens: tokens)
        for index in 0..<tokens.count {
          var found =
            tokens[index].kind == .number ? grammar.digits(at: index) : grammar.words(at: index)
          if let digits = found, digits.form == .digits {
            found = grammar.fractionAfter(digits) ?? digits
          }
          if let found { return (found.value, text.string(found.range)) }
        }
        return nil
      }
    }
  }

  @Test(arguments: [
    ("zero", "0"), ("seven", "7"), ("nineteen", "19"), ("ninety-nine", "99"),
    ("twenty five", "25"), ("a hundred", "100"), ("two hundred and fifty", "250"),
    ("three thousand", "3000"), ("two hundred and fifty thousand", "250000"),
    ("one million", "1000000"), ("a dozen", "12"), ("two dozen", "24"),
    ("half a million", "500000"), ("half a dozen", "6"), ("twenty-five million", "25000000"),
  ])
  func readsCardinalWords(words: String, value: String) throws {
    let found = try #require(numeral("they had \(words) left"))
    #expect(found.value == Decimal(string: value))
    #expect(found.text == words)
  }

  @Test(arguments: [
    ("three quarters of", "three quarters", "0.75"), ("a quarter of", "a quarter", "0.25"),
    ("half of", "half", "0.5"), ("one in five", "one in five", "0.2"),
    ("nine out of ten", "nine out of ten", "0.9"), ("4 in 10", "4 in 10", "0.4"),
  ])
  func readsFractions(words: String, text: String, value: String) throws {
    let found = try #require(numeral("so \(words) voters"))
    #expect(found.text == text)
    #expect(found.value == Decimal(string: value))
  }

  @Test(arguments: [
    ("994,614", "994614"), ("2.5", "2.5"), ("0.05", "0.05"), ("2.36m", "2360000"),
    ("3bn", "3000000000"), ("10k", "10000"), ("1.3 million", "1300000"), ("\u{2013}5", "-5"),
    ("+3", "3"), ("1980s", "1980"), ("1980\u{2019}s", "1980"), ("\u{2019}80s", "1980"),
    ("'17", "2017"), ("3rd", "3"), ("60pc", "60"), ("1.2trn", "1200000000000"),
  ])
  func readsDigitTokensExactly(token: String, value: String) throws {
    let found = try #require(numeral("the \(token) here"))
    #expect(found.value == Decimal(string: value))
  }

  @Test(arguments: ["twenty twenty", "five six"])
  func stopsAtWordsThatDoNotCompose(words: String) throws {
    let found = try #require(numeral("they had \(words) left"))
    #expect(found.text == String(words.split(separator: " ")[0]))
  }
}
