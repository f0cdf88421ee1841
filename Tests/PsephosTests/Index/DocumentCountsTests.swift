import Testing

@testable import Psephos

@Suite struct DocumentCountsTests {
  @Test func countsAddedInIdOrderAreKeptAsAddedWithRepeatsSummed() {
    var counts = DocumentCounts()
    counts.add(2, in: "a")
    counts.add(1, in: "a")
    counts.add(4, in: "b")
    #expect(counts.sorted.map(\.document) == ["a", "b"])
    #expect(counts.sorted.map(\.count) == [3, 4])
    #expect(counts.count == 2)
    #expect(counts.total == 7)
    #expect(counts["a"] == 3)
    #expect(counts["z"] == nil)
  }

  @Test func countsAddedOutOfOrderReadBackSortedWithEachIdOnce() {
    var counts = DocumentCounts()
    for (document, count) in [("c", 1), ("a", 2), ("c", 5), ("b", 1), ("a", 1)] {
      counts.add(count, in: document)
    }
    #expect(counts.sorted.map(\.document) == ["a", "b", "c"])
    #expect(counts.sorted.map(\.count) == [3, 1, 6])
    #expect(counts.count == 3)
    #expect(counts.total == 10)
    #expect(counts == ["b": 1, "a": 3, "c": 6])
  }

  @Test func mergeIsCommutativeAndAssociativeWithOverlappingIds() {
    let left: DocumentCounts = ["a": 1, "d": 2]
    let middle: DocumentCounts = ["b": 3, "d": 1]
    let right: DocumentCounts = ["c": 4]
    func merged(_ parts: DocumentCounts...) -> DocumentCounts {
      var result = DocumentCounts()
      for part in parts { result.merge(part) }
      return result
    }
    var leftFirst = merged(left, middle)
    leftFirst.merge(right)
    var rightFirst = merged(middle, right)
    rightFirst.merge(left)
    #expect(leftFirst == rightFirst)
    #expect(merged(right, middle, left) == merged(left, middle, right))
    #expect(leftFirst.sorted.map(\.count) == [1, 3, 4, 3])
    #expect(leftFirst.count == 4)
    #expect(merged(DocumentCounts(), left) == left)
  }

  @Test func disjointShardsInIdOrderMergeByAppending() {
    let first: DocumentCounts = ["a": 1, "b": 1]
    let second: DocumentCounts = ["c": 2]
    var whole = first
    whole.merge(second)
    #expect(whole.sorted.map(\.document) == ["a", "b", "c"])
    #expect(whole.count == 3)
  }
}
