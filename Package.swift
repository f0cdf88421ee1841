// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Psephos",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Psephos", targets: ["Psephos"]),
    .executable(name: "psephos", targets: ["PsephosCLI"]),
  ],
  targets: [
    // All behaviour: one folder per pipeline stage, reference data under Resources/.
    .target(
      name: "Psephos",
      resources: [.copy("Resources/Knowledge")]
    ),
    // The thin command-line shell: arguments, files, exit codes.
    .executableTarget(name: "PsephosCLI", dependencies: ["Psephos"]),
    // Tests mirror the library's folders; CLI/ runs the built binary end to end.
    .testTarget(name: "PsephosTests", dependencies: ["Psephos", "PsephosCLI"]),
  ],
  swiftLanguageModes: [.v6]
)
