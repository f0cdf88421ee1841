/// The process's exit status; documented in every command's help.
enum ExitCode: Int32, Sendable, CaseIterable {
  /// Everything was read and nothing crossed a threshold the user set.
  case success = 0
  /// Findings at or above the severity given with `--fail-on`.
  case findingsAboveThreshold = 1
  /// The command line could not be run: unknown option, missing or invalid value, or an `--out`
  /// folder that cannot be written.
  case usage = 2
  /// At least one input could not be read (the others were still processed).
  case unreadableInput = 3

  /// The EXIT CODES help section.
  static let helpSection = HelpSection(
    title: "EXIT CODES",
    lines: [
      "0  Success.",
      "1  Findings at or above the severity given with --fail-on.",
      "2  Usage error: unknown option or subcommand, missing or invalid value, or an --out folder that cannot be written.",
      "3  Some input could not be read (missing, unreadable, binary); the others were processed and the failures listed.",
    ])

  /// The more serious of two outcomes: unreadable input outranks findings, which outrank
  /// success.
  func combined(with other: ExitCode) -> ExitCode {
    func rank(_ code: ExitCode) -> Int {
      switch code {
      case .success: 0
      case .findingsAboveThreshold: 1
      case .unreadableInput: 2
      case .usage: 3
      }
    }
    return rank(other) > rank(self) ? other : self
  }
}
