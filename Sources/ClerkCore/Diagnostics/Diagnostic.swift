/// Where in the content tree a problem is: a path relative to the content
/// root and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  public var path: String
  public var line: Int
  public var column: Int

  public init(path: String, line: Int = 1, column: Int = 1) {
    self.path = path
    self.line = max(line, 1)
    self.column = max(column, 1)
  }

  public var description: String { "\(path):\(line):\(column)" }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.path, a.line, a.column) < (b.path, b.line, b.column)
  }
}

public enum Severity: String, Sendable, Hashable, Codable {
  case error
  case warning
}

/// One problem, reported like a compiler does: in the content (with its
/// location), or of the run itself (a template, the output folder, the PDF
/// engine, a leak the audit found), without one. Every command prints
/// problems of both kinds through the same printer.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Codable {
  public var severity: Severity
  public var location: SourceLocation?
  public var message: String

  public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  /// A problem of the run, not of a content file.
  public init(_ severity: Severity, _ message: String) {
    self.init(severity, message, at: nil)
  }

  public var description: String {
    (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
  }
}

/// Collects every problem of a run, so a clerk sees them all at once.
public struct Diagnostics: Sendable {
  public private(set) var all: [Diagnostic] = []

  public init() {}

  public init<Problems: Sequence<Diagnostic>>(_ problems: Problems) { all = Array(problems) }

  public var hasErrors: Bool { all.contains { $0.severity == .error } }
  public var errorCount: Int { all.count { $0.severity == .error } }
  public var warningCount: Int { all.count { $0.severity == .warning } }

  public mutating func error(_ message: String, at location: SourceLocation) {
    all.append(Diagnostic(.error, message, at: location))
  }

  public mutating func warning(_ message: String, at location: SourceLocation) {
    all.append(Diagnostic(.warning, message, at: location))
  }

  /// A problem of the run (no content location): printed after the content's.
  public mutating func append(_ diagnostic: Diagnostic) {
    all.append(diagnostic)
  }

  public mutating func append(contentsOf other: Diagnostics) {
    all.append(contentsOf: other.all)
  }

  public mutating func append(contentsOf other: [Diagnostic]) {
    all.append(contentsOf: other)
  }

  /// Content problems sorted by file and position, then problems of the
  /// run in the order they happened; duplicates removed: stable output.
  public var sorted: [Diagnostic] {
    var seen = Set<Diagnostic>()
    let unique = all.filter { seen.insert($0).inserted }
    let located = unique.compactMap { diagnostic in diagnostic.location.map { (diagnostic, $0) } }.sorted {
      ($0.1, $0.0.severity.rawValue, $0.0.message) < ($1.1, $1.0.severity.rawValue, $1.0.message)
    }
    return located.map(\.0) + unique.filter { $0.location == nil }
  }
}
