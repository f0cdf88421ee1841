import Foundation

/// Maps items on up to `jobs` threads and hands the results back in item order, so output is
/// the same whatever `jobs` is. Items are taken in batches of `4 × jobs`, so at most one batch
/// of results is held in memory.
public struct OrderedParallelMap: Sendable {
  /// The most items transformed at once.
  public let jobs: Int

  /// Creates a map running `jobs` (at least 1) transforms at once.
  public init(jobs: Int) {
    precondition(jobs >= 1, "jobs must be at least 1")
    self.jobs = jobs
  }

  /// Calls `transform` on every item (concurrently) and `emit` on every result (on the calling
  /// thread, in item order).
  public func forEach<Item: Sendable, Output: Sendable>(
    _ items: [Item], transform: @escaping @Sendable (Item) -> Output, emit: (Output) -> Void
  ) {
    if jobs == 1 {
      for item in items { emit(transform(item)) }
      return
    }
    let batchSize = jobs * 4
    var start = 0
    while start < items.count {
      let batch = Array(items[start..<min(start + batchSize, items.count)])
      let slots = Slots<Output>(count: batch.count)
      DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { _ in
        while let index = slots.claim() {
          slots.store(transform(batch[index]), at: index)
        }
      }
      for output in slots.take() { emit(output) }
      start += batch.count
    }
  }
}

/// Result slots shared by the worker threads of one batch; a lock guards every access.
private final class Slots<Output: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var outputs: [Output?]

  init(count: Int) {
    outputs = Array(repeating: nil, count: count)
  }

  /// The next unclaimed index, or nil when all are claimed.
  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < outputs.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ output: Output, at index: Int) {
    lock.lock()
    defer { lock.unlock() }
    outputs[index] = output
  }

  /// Every output, in order; all must have been stored.
  func take() -> [Output] {
    lock.lock()
    defer { lock.unlock() }
    return outputs.map { $0! }
  }
}
