/// Splits normalised text into tokens, sentences and paragraphs.
///
/// One forward pass over the UTF-8 bytes with a 256-entry class table; a scalar is decoded only
/// for bytes from 0x80 up. Then one pass over the tokens finds sentence and paragraph breaks.
/// Every byte of the text is either inside a token or whitespace: nothing is dropped.
///
/// Complexity: O(n) in the text's bytes.
public struct Tokenizer: Sendable {
  /// Creates a tokenizer.
  public init() {}

  /// Tokenizes a text and finds its sentences and paragraphs.
  public func tokenize(_ text: SourceText) -> TokenizedText {
    let tokens = text.bytes.withUnsafeBufferPointer { bytes in
      ByteClass.table.withUnsafeBufferPointer { table in
        var scanner = TokenScanner(bytes: bytes, table: table)
        scanner.scan()
        return scanner.takeTokens()
      }
    }
    return SegmentFinder(bytes: text.bytes).segment(tokens)
  }
}
