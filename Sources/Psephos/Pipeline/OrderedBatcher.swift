/// Collects items as a reader produces them and runs them through an `OrderedParallelMap` a
/// batch at a time, so a stream of any length is processed on every core with at most one batch
/// of items and results in memory, and results come out in item order.
///
/// ```swift
/// var batcher = OrderedBatcher(jobs: 4, transform: analyse)
/// while let line = reader.next() { batcher.add(line) { write($0) } }
/// batcher.flush { write($0) }
/// ```
public struct OrderedBatcher<Item: Sendable, Output: Sendable> {
  private let map: OrderedParallelMap
  private let transform: @Sendable (Item) -> Output
  /// Items held before a batch is run.
  public let batchSize: Int
  private var pending: [Item] = []

  /// Creates a batcher running `transform` on up to `jobs` threads, in batches of `4 × jobs`
  /// items (or `batchSize`, if given).
  public init(jobs: Int, batchSize: Int? = nil, transform: @escaping @Sendable (Item) -> Output) {
    map = OrderedParallelMap(jobs: jobs)
    self.transform = transform
    self.batchSize = max(1, batchSize ?? jobs * 4)
    pending.reserveCapacity(self.batchSize)
  }

  /// Whether items are waiting for a batch to run.
  public var hasPending: Bool { !pending.isEmpty }

  /// Adds an item; when the batch is full, runs it and calls `emit` with each result in order.
  public mutating func add(_ item: Item, emit: (Output) -> Void) {
    pending.append(item)
    if pending.count >= batchSize { flush(emit: emit) }
  }

  /// Runs the items added so far (if any) and calls `emit` with each result in order: call it
  /// at the end, and whenever the reader would wait for more input.
  public mutating func flush(emit: (Output) -> Void) {
    guard !pending.isEmpty else { return }
    let batch = pending
    pending.removeAll(keepingCapacity: true)
    map.forEach(batch, transform: transform, emit: emit)
  }
}
