import Foundation

/// The progress line a batch run draws on standard error when it is a terminal:
///
/// ```
/// [########............]  41%  1,234/3,000 files  45.3 MB/s  0:12 elapsed  ETA 0:17
/// ```
///
/// The meter only counts and formats; the command decides whether to draw (a terminal, no
/// `--quiet`) and draws at most every `interval`, so redrawing costs nothing measurable.
public struct ProgressMeter: Sendable {
  /// Files (inputs) to read.
  public let totalFiles: Int
  /// Their bytes, 0 when unknown (the fraction then counts files).
  public let totalBytes: Int
  /// The least time between two redraws.
  public let interval: Duration
  /// Files finished.
  public private(set) var filesDone = 0
  /// Bytes of input finished.
  public private(set) var bytesDone = 0
  private var lastDrawn: Duration?

  /// Creates a meter for `totalFiles` files of `totalBytes` bytes.
  public init(totalFiles: Int, totalBytes: Int, interval: Duration = .milliseconds(100)) {
    self.totalFiles = totalFiles
    self.totalBytes = totalBytes
    self.interval = interval
  }

  /// Records progress at `elapsed` since the start; returns whether it is time to redraw.
  public mutating func update(filesDone: Int, bytesDone: Int, elapsed: Duration) -> Bool {
    self.filesDone = filesDone
    self.bytesDone = bytesDone
    if let lastDrawn, elapsed - lastDrawn < interval, filesDone < totalFiles { return false }
    lastDrawn = elapsed
    return true
  }

  /// The line for the current counts, at most `width` columns.
  public func line(elapsed: Duration, width: Int) -> String {
    Self.format(
      filesDone: filesDone, totalFiles: totalFiles, bytesDone: bytesDone, totalBytes: totalBytes,
      elapsed: elapsed, width: width)
  }

  /// Formats a progress line: a bar and percentage (by bytes when the total is known, else by
  /// files), files done of total, MB/s, elapsed time and the estimated time left. The bar
  /// shrinks (from 30 columns down to 10) or goes to fit `width`.
  public static func format(
    filesDone: Int, totalFiles: Int, bytesDone: Int, totalBytes: Int, elapsed: Duration,
    width: Int
  ) -> String {
    let fraction: Double
    if totalBytes > 0 {
      fraction = min(1, Double(bytesDone) / Double(totalBytes))
    } else if totalFiles > 0 {
      fraction = min(1, Double(filesDone) / Double(totalFiles))
    } else {
      fraction = 0
    }
    let seconds = RunSummary.seconds(elapsed)
    let rate = seconds > 0 ? Double(bytesDone) / seconds / 1e6 : 0
    var eta = "--:--"
    if fraction > 0 && seconds > 0 {
      eta = clock(seconds * (1 - fraction) / fraction)
    }
    let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
    let details =
      "\(percent)  \(grouped(filesDone))/\(grouped(totalFiles)) files"
      + String(format: "  %.1f MB/s", rate) + "  \(clock(seconds)) elapsed  ETA \(eta)"
    let room = width - details.count - 3
    guard room >= 10 else { return String(details.prefix(max(0, width))) }
    let barWidth = min(30, room)
    let filled = Int((fraction * Double(barWidth)).rounded(.down))
    let bar =
      "[" + String(repeating: "#", count: filled)
      + String(repeating: ".", count: barWidth - filled) + "]"
    return bar + " " + details
  }

  /// `m:ss`, or `h:mm:ss` from an hour.
  static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.down))
    if whole >= 3600 {
      return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }
    return String(format: "%d:%02d", whole / 60, whole % 60)
  }

  /// `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return out
  }

  /// The size of each input in bytes (0 for standard input or a file that cannot be read):
  /// one `stat` per input, so only worth it when the line is drawn.
  public static func sizes(of inputs: [Input]) -> [Int] {
    inputs.map { input in
      guard !input.isStandardInput, case .success(let status) = FileSystem.status(input.path)
      else { return 0 }
      return status.size
    }
  }
}
