/// Time spent in each pipeline stage, summed over documents: what `psephos bench` reports.
public struct StageTimes: Sendable {
  /// A pipeline stage, in order.
  public enum Stage: String, Sendable, CaseIterable {
    case ingest, tokenize, entities, figures, claims, check, themes, index
  }

  private var times = [Duration](repeating: .zero, count: Stage.allCases.count)

  /// No time in any stage.
  public init() {}

  /// The time spent in one stage.
  public subscript(stage: Stage) -> Duration {
    get { times[stage.index] }
    set { times[stage.index] = newValue }
  }

  /// Adds another set of times, stage by stage.
  public mutating func add(_ other: StageTimes) {
    for index in times.indices { times[index] += other.times[index] }
  }

  /// The stages that took any time, in pipeline order.
  public var measured: [(stage: Stage, time: Duration)] {
    Stage.allCases.map { ($0, self[$0]) }.filter { $0.time > .zero }
  }
}

extension StageTimes.Stage {
  fileprivate var index: Int { Self.allCases.firstIndex(of: self)! }
}

/// Times the stages of one document, one after another, with as little overhead as one clock
/// reading per stage. With `times` nil it only runs the work.
struct StageClock {
  private let clock = ContinuousClock()
  private var last: ContinuousClock.Instant

  init() { last = clock.now }

  /// Runs `work` and adds its time to `stage` in `times` (if given).
  mutating func measure<Result>(
    _ stage: StageTimes.Stage, into times: inout StageTimes?, _ work: () -> Result
  ) -> Result {
    guard times != nil else { return work() }
    let result = work()
    let now = clock.now
    times![stage] += now - last
    last = now
    return result
  }
}
