import Foundation
import Testing

@testable import Psephos

/// `TextSpool`: text spooled in parts comes back whole, in order, and leaves no file.
@Suite struct TextSpoolTests {
  @Test func spooledTextIsCopiedBackInOrderAndLeavesNoFile() throws {
    let folder = try TemporaryFolder()
    let spool = try TextSpool(part: "test", folder: folder.url.path)
    let parts = (0..<2_000).map { "line \($0): é\n" }
    for part in parts { try spool.write(part) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    var copied: [UInt8] = []
    try spool.copy { copied += $0 }
    #expect(String(decoding: copied, as: UTF8.self) == parts.joined())
  }

  @Test func aSpoolThatCannotBeCreatedIsAnErrorNamingIt() {
    #expect {
      _ = try TextSpool(part: "test", folder: "/nonexistent/psephos")
    } throws: { error in
      (error as? ReportWriteError)?.path.hasPrefix("/nonexistent/psephos/.psephos-test.") == true
    }
  }
}
