import Foundation
import Testing

@testable import Psephos

@Suite struct LineReaderTests {
  private func lines(_ bytes: [UInt8], limit: Int = 100, chunk: Int = 4) throws -> [LineReader.Line]
  {
    let folder = try PipelineFixtures.Folder()
    let path = try folder.write("in", bytes)
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var reader = LineReader(descriptor: descriptor, limit: limit, chunkSize: chunk)
    var out: [LineReader.Line] = []
    while let line = try reader.next() { out.append(line) }
    #expect(reader.lineNumber == out.count)
    #expect(reader.bytesRead == bytes.count)
    return out
  }

  @Test func splitsOnLineFeedsAcrossChunksAndKeepsALastLineWithoutOne() throws {
    #expect(
      try lines(Array("one\ntwo three\n\nfour".utf8))
        == [
          .bytes(Array("one".utf8)), .bytes(Array("two three".utf8)), .bytes([]),
          .bytes(Array("four".utf8)),
        ])
    #expect(try lines(Array("a\n".utf8)) == [.bytes(Array("a".utf8))])
    #expect(try lines([]) == [])
  }

  @Test func reportsALineOverTheLimitByItsLengthAndGoesOn() throws {
    let bytes = Array("short\n\(String(repeating: "x", count: 25))\nafter\n".utf8)
    #expect(
      try lines(bytes, limit: 10) == [
        .bytes(Array("short".utf8)), .tooLong(25), .bytes(Array("after".utf8)),
      ])
  }

  @Test func callsIdleOnlyBeforeWaitingForInputThatHasNotArrived() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    defer { close(fds[0]) }
    func send(_ text: String) {
      let bytes = Array(text.utf8)
      _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
    }
    send("ready\n")
    var reader = LineReader(descriptor: fds[0], limit: 100)
    var idles = 0
    #expect(try reader.next(idle: { idles += 1 }) == .bytes(Array("ready".utf8)))
    #expect(idles == 0)
    // Nothing buffered: the reader says so before it blocks (here the idle handler answers).
    #expect(
      try reader.next(idle: {
        idles += 1
        send("later\n")
      }) == .bytes(Array("later".utf8)))
    #expect(idles == 1)
    close(fds[1])
    #expect(try reader.next() == nil)
  }
}
