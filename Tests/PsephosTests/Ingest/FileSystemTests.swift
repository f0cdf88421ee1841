import Foundation
import Testing

@testable import Psephos

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension IngestTests {
  @Suite struct FileSystemTests {
    typealias F = IngestFixtures

    /// A pipe holding `bytes`, its write end closed: what standard input looks like.
    private static func stream(_ bytes: [UInt8]) throws -> Int32 {
      var ends: [Int32] = [0, 0]
      try #require(pipe(&ends) == 0)
      let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
      try #require(written == bytes.count)
      close(ends[1])
      return ends[0]
    }

    @Test func readsAStreamToTheEnd() throws {
      let descriptor = try Self.stream(Array("Khan won.\n".utf8))
      defer { close(descriptor) }
      let bytes = try FileSystem.readAll(descriptor, limit: 100, expected: 10).get()
      #expect(bytes == Array("Khan won.\n".utf8))
    }

    @Test func refusesAStreamOverTheLimitNamingTheLimit() throws {
      let descriptor = try Self.stream([UInt8](repeating: 0x61, count: 1000))
      defer { close(descriptor) }
      guard case .failure(let reason) = FileSystem.readAll(descriptor, limit: 999, expected: 0)
      else {
        Issue.record("read more than the limit")
        return
      }
      #expect(reason.text.contains("more than 999 bytes"))
    }

    @Test func refusesAFileOverTheLimitBeforeReadingIt() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      let path = try folder.write("big.txt", [UInt8](repeating: 0x61, count: 2_000_000))
      let ingester = Ingester(options: .init(maxDocumentBytes: 1_048_576))
      let failure = try #require(
        ingester.read(Input(id: "big.txt", path: path, format: .text)).first?.ingestFailure)
      #expect(failure.path == path)
      #expect(
        failure.reason
          == "cannot read: 2000000 bytes (1.9 MB), over the maximum document size of 1048576 bytes"
          + " (1.0 MB); split it, or raise the limit (--max-document-size)")
    }

    @Test func streamsLinesAcrossChunkBoundaries() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      // Lines longer than the 64 KB read size, a blank line, a long one over the limit, and a
      // last line with no line feed.
      let first = [UInt8](repeating: 0x61, count: 70_000)
      let second = [UInt8](repeating: 0x62, count: 130_000)
      let tooLong = [UInt8](repeating: 0x63, count: 200_001)
      let bytes = first + [0x0A] + second + [0x0A, 0x0A] + tooLong + [0x0A] + Array("end".utf8)
      let path = try folder.write("lines.jsonl", bytes)
      var lines: [(FileSystem.Line, Int)] = []
      let reason = FileSystem.lines(of: path, limit: 200_000) { lines.append(($0, $1)) }
      #expect(reason == nil)
      #expect(lines.map(\.1) == [1, 2, 3, 4, 5])
      #expect(
        lines.map(\.0) == [
          .bytes(first[...]), .bytes(second[...]), .bytes([][...]), .tooLong(200_001),
          .bytes(Array("end".utf8)[...]),
        ])
    }

    @Test func streamsLinesFromAPipe() throws {
      let descriptor = try Self.stream(
        Array("{\"id\":\"s1\",\"text\":\"a\"}\n{\"id\":\"s2\",\"text\":\"b\"}".utf8))
      defer { close(descriptor) }
      var texts: [String] = []
      let reason = FileSystem.lines(descriptor: descriptor, limit: 1000) { line, _ in
        if case .bytes(let bytes) = line { texts.append(String(decoding: bytes, as: UTF8.self)) }
      }
      #expect(reason == nil)
      #expect(texts == ["{\"id\":\"s1\",\"text\":\"a\"}", "{\"id\":\"s2\",\"text\":\"b\"}"])
    }
  }
}
