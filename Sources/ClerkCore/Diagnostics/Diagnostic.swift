/// Where in the content tree a problem is: a path relative to the content
/// root and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
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

public enum Severity: String, Sendable, Hashable {
  case error
  case warning
}

/// One problem in the content, reported like a compiler does.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects every problem of a run, so a clerk sees them all at once.
public struct Diagnostics: Sendable {
  public private(set) var all: [Diagnostic] = []

  public init() {}

  public var hasErrors: Bool { all.contains { $0.severity == .error } }
  public var errorCount: Int { all.count { $0.severity == .error } }
  public var warningCount: Int { all.count { $0.severity == .warning } }

  public mutating func error(_ message: String, at location: SourceLocation) {
    all.append(Diagnostic(.error, message, at: location))
  }

  public mutating func warning(_ message: String, at location: SourceLocation) {
    all.append(Diagnostic(.warning, message, at: location))
  }

  public mutating func append(contentsOf other: Diagnostics) {
    all.append(contentsOf: other.all)
  }

  public mutating func append(contentsOf other: [Diagnostic]) {
    all.append(contentsOf: other)
  }

  /// Sorted by file and position, duplicates removed: stable output.
  public var sorted: [Diagnostic] {
    var seen = Set<Diagnostic>()
    return all.filter { seen.insert($0).inserted }.sorted {
      ($0.location, $0.severity.rawValue, $0.message) < ($1.location, $1.severity.rawValue, $1.message)
    }
  }
}
