import Foundation
import Yams

/// Reads YAML into typed values while reporting every problem with the line
/// and column it has in the file (not in the YAML block).
struct YAMLReader {
  /// Path relative to the content root.
  let path: String
  /// File line of the YAML's first line.
  let firstLine: Int
  var diagnostics = Diagnostics()

  /// Front matter beyond this many nodes is refused: it guards against
  /// alias bombs, which expand exponentially when walked.
  static let maximumNodes = 20_000

  init(path: String, firstLine: Int = 1) {
    self.path = path
    self.firstLine = firstLine
  }

  func location(_ mark: Mark?) -> SourceLocation {
    guard let mark else { return SourceLocation(path: path, line: firstLine) }
    return SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
  }

  func location(of node: Node) -> SourceLocation { location(node.mark) }

  mutating func error(_ message: String, at node: Node) {
    diagnostics.error(message, at: location(of: node))
  }

  /// Parses the YAML text; nil (with a diagnostic) when it is malformed.
  mutating func compose(_ text: String) -> Node? {
    let root: Node?
    do {
      // Tags are not resolved (no regular expressions per scalar): the
      // reader types every value itself.
      root = try Yams.compose(yaml: text, .basic, .default, .utf8)
    } catch let error as YamlError {
      report(error)
      return nil
    } catch {
      diagnostics.error("malformed YAML: \(error)", at: location(nil))
      return nil
    }
    guard let root else { return nil }
    if Self.countNodes(root, limit: Self.maximumNodes) > Self.maximumNodes {
      diagnostics.error(
        "YAML is too large or uses aliases that expand too far (over \(Self.maximumNodes) values)",
        at: location(of: root))
      return nil
    }
    return root
  }

  private mutating func report(_ error: YamlError) {
    switch error {
    case .scanner(let context, let problem, let mark, let yaml), .parser(let context, let problem, let mark, let yaml),
      .composer(let context, let problem, let mark, let yaml):
      if let mistake = YAMLMistake.explain(problem: problem, context: context, mark: mark, yaml: yaml) {
        diagnostics.error(
          mistake.message, at: SourceLocation(path: path, line: firstLine + mistake.line - 1, column: mistake.column))
        return
      }
      var message = "malformed YAML: \(problem)"
      if let context { message += " (\(context.text) at line \(firstLine + context.mark.line - 1))" }
      diagnostics.error(message, at: location(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      diagnostics.error("duplicate key \(keys)", at: location(context.mark))
    case .reader(let problem, _, _, _):
      diagnostics.error("unreadable YAML: \(problem)", at: location(nil))
    default:
      diagnostics.error("malformed YAML: \(error)", at: location(nil))
    }
  }

  static func countNodes(_ root: Node, limit: Int) -> Int {
    var stack = [root]
    var count = 0
    while let node = stack.popLast() {
      count += 1
      if count > limit { return count }
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping {
          stack.append(key)
          stack.append(value)
        }
      case .sequence(let sequence): stack.append(contentsOf: sequence)
      case .scalar, .alias: break
      }
    }
    return count
  }

  /// Every scalar under `node` (mapping values, sequence elements), as
  /// written, with its file line; mapping keys are the format's own words.
  func scalars(of node: Node) -> [(text: String, line: Int)] {
    var found: [(text: String, line: Int)] = []
    var stack = [node]
    while let next = stack.popLast() {
      switch next {
      case .scalar(let scalar): found.append((scalar.string, location(of: next).line))
      case .mapping(let mapping): stack.append(contentsOf: mapping.map(\.value).reversed())
      case .sequence(let sequence): stack.append(contentsOf: sequence.reversed())
      case .alias: break
      }
    }
    return found
  }

  // MARK: Typed reads

  /// A mapping's entries by key, in file order, after reporting unknown,
  /// duplicate and missing keys.
  mutating func fields(
    of node: Node, what: String, allowed: [String], required: [String] = []
  ) -> YAMLFields? {
    guard case .mapping(let mapping) = node else {
      error("\(what) must be a mapping of 'key: value' lines", at: node)
      return nil
    }
    var fields = YAMLFields(mark: node.mark)
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        error("keys in \(what) must be plain words", at: key)
        continue
      }
      guard allowed.contains(name) else {
        error(
          "unknown key '\(name)' in \(what)" + KeySuggestion.didYouMean(name, in: allowed), at: key)
        continue
      }
      if isNull(value) { continue }
      fields.values[name] = (key, value)
    }
    for name in required where fields.values[name] == nil {
      diagnostics.error("missing required key '\(name)' in \(what)", at: location(node.mark))
    }
    return fields
  }

  /// A mapping of the declared `keys` (`ContentKeys`): the allowed and
  /// required keys come from the declaration.
  mutating func fields(of node: Node, what: String, keys: [ContentKey]) -> YAMLFields? {
    fields(of: node, what: what, allowed: keys.map(\.name), required: keys.filter(\.required).map(\.name))
  }

  func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  mutating func string(_ node: Node, key: String) -> String? {
    guard case .scalar(let scalar) = node else {
      error("'\(key)' must be text", at: node)
      return nil
    }
    let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty {
      error("'\(key)' must not be empty", at: node)
      return nil
    }
    return text
  }

  mutating func integer(_ node: Node, key: String) -> Int? {
    guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
      error("'\(key)' must be a whole number", at: node)
      return nil
    }
    return value
  }

  mutating func date(_ node: Node, key: String) -> CalendarDate? {
    guard case .scalar(let scalar) = node, let date = CalendarDate(iso: scalar.string) else {
      error("'\(key)' must be a date written YYYY-MM-DD", at: node)
      return nil
    }
    return date
  }

  mutating func choice<E: RawRepresentable & CaseIterable>(
    _ node: Node, key: String, as type: E.Type
  ) -> E? where E.RawValue == String {
    let options = E.allCases.map(\.rawValue)
    guard case .scalar(let scalar) = node, let value = E(rawValue: scalar.string) else {
      let given = node.scalar?.string ?? ""
      error(
        "'\(key)' must be one of \(options.joined(separator: ", "))"
          + KeySuggestion.didYouMean(given, in: options), at: node)
      return nil
    }
    return value
  }

  /// A list; a single scalar is accepted as a one-element list.
  mutating func list(_ node: Node, key: String) -> [Node]? {
    switch node {
    case .sequence(let sequence): return Array(sequence)
    case .scalar: return [node]
    default:
      error("'\(key)' must be a list", at: node)
      return nil
    }
  }

  mutating func strings(_ node: Node, key: String) -> [String] {
    (list(node, key: key) ?? []).compactMap { string($0, key: key) }
  }
}

/// The known keys of one YAML mapping, each with its key and value nodes.
struct YAMLFields {
  var mark: Mark?
  var values: [String: (key: Node, value: Node)] = [:]

  subscript(_ name: String) -> Node? { values[name]?.value }
}
