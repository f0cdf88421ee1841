/// A command line that cannot be run as given: an unknown option or subcommand, a missing or
/// invalid value. Printed on standard error with the command's usage line; exit code 2.
struct UsageError: Error, Hashable, Sendable {
  /// What is wrong, as one sentence, with a suggestion where one helps.
  var message: String
  /// The words that name the command the error is about (`["psephos", "tokens"]`).
  var commandPath: [String]

  /// Creates an error about the command at `commandPath`.
  init(_ message: String, commandPath: [String]) {
    self.message = message
    self.commandPath = commandPath
  }
}
