/// Facts about this release of Psephos.
///
/// (Not a type named `Psephos`: a type with the module's name would shadow the module, and
/// `Psephos.Document` would stop resolving.)
public enum Release {
  /// The version `psephos --version` prints, semantic versioning.
  public static let version = "0.1.0"
}
