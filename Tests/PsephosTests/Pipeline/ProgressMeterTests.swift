import Testing

@testable import Psephos

@Suite struct ProgressMeterTests {
  @Test func showsBarPercentFilesRateElapsedAndTimeLeft() {
    let line = ProgressMeter.format(
      filesDone: 1_234, totalFiles: 3_000, bytesDone: 250_000_000, totalBytes: 1_000_000_000,
      elapsed: .seconds(10), width: 100)
    #expect(
      line
        == "[#######.......................]  25%  1,234/3,000 files  25.0 MB/s  0:10 elapsed  ETA 0:30"
    )
  }

  @Test func countsFilesWhenTheBytesAreUnknownAndHasNoEstimateBeforeAnyProgress() {
    let half = ProgressMeter.format(
      filesDone: 5, totalFiles: 10, bytesDone: 0, totalBytes: 0, elapsed: .seconds(65), width: 100)
    #expect(half.contains(" 50%  5/10 files  0.0 MB/s  1:05 elapsed  ETA 1:05"))
    let start = ProgressMeter.format(
      filesDone: 0, totalFiles: 10, bytesDone: 0, totalBytes: 100, elapsed: .zero, width: 100)
    #expect(start.hasSuffix("ETA --:--"))
  }

  @Test func hoursAreShownAsHoursMinutesAndSeconds() {
    let line = ProgressMeter.format(
      filesDone: 1, totalFiles: 4, bytesDone: 1, totalBytes: 4, elapsed: .seconds(3_723),
      width: 120)
    #expect(line.contains("1:02:03 elapsed  ETA 3:06:09"))
  }

  @Test func theBarShrinksThenGoesToFitTheWidth() {
    func line(_ width: Int) -> String {
      ProgressMeter.format(
        filesDone: 1, totalFiles: 2, bytesDone: 5, totalBytes: 10, elapsed: .seconds(1),
        width: width)
    }
    #expect(line(200).hasPrefix("[###############...............] "))
    let narrow = line(70)
    let bar = narrow.prefix { $0 != " " }
    #expect(bar.hasPrefix("[") && bar.hasSuffix("]") && bar.count < 32 && bar.count >= 12)
    #expect(narrow.count <= 70)
    #expect(line(50).hasPrefix(" 50%"))
    #expect(line(50).count <= 50)
  }

  @Test func redrawsAtMostOncePerIntervalAndAlwaysAtTheEnd() {
    var meter = ProgressMeter(totalFiles: 3, totalBytes: 30, interval: .milliseconds(100))
    var draws: [Bool] = []
    draws.append(meter.update(filesDone: 1, bytesDone: 10, elapsed: .milliseconds(1)))
    draws.append(meter.update(filesDone: 1, bytesDone: 15, elapsed: .milliseconds(50)))
    draws.append(meter.update(filesDone: 2, bytesDone: 20, elapsed: .milliseconds(150)))
    draws.append(meter.update(filesDone: 3, bytesDone: 30, elapsed: .milliseconds(160)))
    #expect(draws == [true, false, true, true])
    #expect(meter.filesDone == 3 && meter.bytesDone == 30)
  }
}
