import Foundation
import Yams

/// The YAML mistakes clerks make most, explained in plain English with the
/// fix: libyaml's own words ("mapping values are not allowed in this
/// context") do not say what to change.
struct YAMLMistake: Equatable {
  var message: String
  /// 1-based line and column in the YAML text (not the file).
  var line: Int
  var column: Int

  static let tabs = "tabs are not allowed in YAML; indent with spaces"

  /// The explanation of a libyaml error, or nil when it is not one of the
  /// mistakes recognised here (the caller then shows libyaml's message).
  static func explain(problem: String, context: YamlError.Context?, mark: Mark, yaml: String) -> YAMLMistake? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    func line(_ number: Int) -> [Unicode.Scalar]? {
      number >= 1 && number <= lines.count ? Array(lines[number - 1].unicodeScalars) : nil
    }
    guard let text = line(mark.line) else { return nil }
    if let tab = leadingTab(text) {
      return YAMLMistake(message: tabs, line: mark.line, column: tab + 1)
    }
    if problem.contains("tab character") {
      return YAMLMistake(message: tabs, line: mark.line, column: mark.column)
    }
    if problem == "mapping values are not allowed in this context" {
      return colonInValue(text, line: mark.line, column: mark.column)
    }
    if problem == "found unexpected end of stream", let context, context.text == "while scanning a quoted scalar",
      let opening = line(context.mark.line)
    {
      return unclosedQuote(opening, line: context.mark.line, column: context.mark.column)
    }
    return quoteClosedEarly(text, line: mark.line)
  }

  /// The 0-based index of a tab in the line's indentation.
  static func leadingTab(_ line: [Unicode.Scalar]) -> Int? {
    for (index, scalar) in line.enumerated() {
      if scalar == "\t" { return index }
      if scalar != " " { return nil }
    }
    return nil
  }

  /// A line read as `<indent and "- "><key>: <value>`.
  struct Entry {
    var lead: [Unicode.Scalar]
    var key: String?
    /// Index of the value's first character.
    var valueStart: Int
    /// Index of the `:` after the key.
    var colon: Int?

    init(_ line: [Unicode.Scalar]) {
      var index = 0
      while index < line.count {
        if line[index] == " " {
          index += 1
        } else if line[index] == "-", index + 1 == line.count || line[index + 1] == " " {
          index += 1
        } else {
          break
        }
      }
      lead = Array(line[..<index])
      valueStart = index
      guard index < line.count, !["'", "\"", "[", "{", "#"].contains(line[index]) else { return }
      var scan = index
      while scan < line.count {
        if line[scan] == ":", scan + 1 == line.count || line[scan + 1] == " " {
          key = Self.string(line[index..<scan])
          colon = scan
          valueStart = scan + 1
          while valueStart < line.count, line[valueStart] == " " { valueStart += 1 }
          return
        }
        scan += 1
      }
    }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      return text
    }

    /// The line as it should be written, with `value` in its place.
    func fixed(_ value: String) -> String {
      let dashes = Self.string(lead).drop { $0 == " " }
      return dashes + (key.map { $0 + ": " } ?? "") + value
    }
  }

  /// `title: Safeguarding: Annual Report` — a plain value containing `: `.
  static func colonInValue(_ line: [Unicode.Scalar], line number: Int, column: Int) -> YAMLMistake {
    let entry = Entry(line)
    // The colon libyaml stopped at is the key's own: this line continues
    // the value of the line above (or is a key indented too far).
    guard let key = entry.key, let colon = entry.colon, colon + 1 < column, entry.valueStart < line.count else {
      return YAMLMistake(
        message: "YAML reads this line as part of the value above, and its ': ' as the start of a new key; "
          + "if it is a new key, line it up with the other keys; if it is part of the value, put the whole value in quotes",
        line: number, column: column)
    }
    var value = Entry.string(line[entry.valueStart...])
    var comment = ""
    if let hash = value.range(of: " #") {
      comment = String(value[hash.lowerBound...])
      value = String(value[..<hash.lowerBound])
    }
    while value.hasSuffix(" ") {
      value.removeLast()
      comment = " " + comment
    }
    return YAMLMistake(
      message: "the value of '\(key)' contains ': ', which YAML reads as the start of a new key; "
        + "put the value in quotes: \(entry.fixed(quoted(value)) + comment)",
      line: number, column: column)
  }

  /// `title: 'Members' Declarations'` — the quote inside closes the value.
  static func quoteClosedEarly(_ line: [Unicode.Scalar], line number: Int) -> YAMLMistake? {
    let entry = Entry(line)
    guard entry.valueStart < line.count else { return nil }
    let quote = line[entry.valueStart]
    guard quote == "'" || quote == "\"" else { return nil }
    var index = entry.valueStart + 1
    var closing: Int?
    while index < line.count {
      if quote == "\"" && line[index] == "\\" {
        index += 2
        continue
      }
      if line[index] == quote {
        if quote == "'" && index + 1 < line.count && line[index + 1] == "'" {
          index += 2
          continue
        }
        closing = index
        break
      }
      index += 1
    }
    guard let closing else { return nil }
    let rest = line[(closing + 1)...].drop { $0 == " " }
    guard let next = rest.first, next != "#" else { return nil }
    var inner = Array(line[(entry.valueStart + 1)...])
    while inner.last == " " { inner.removeLast() }
    if inner.last == quote { inner.removeLast() }
    let value = Entry.string(inner)
    let owner = entry.key.map { "'\($0)' has" } ?? "this value has"
    let message =
      quote == "'"
      ? "\(owner) an apostrophe inside single quotes, which ends the value early; inside single quotes write an apostrophe twice (''), or put the value in double quotes: \(entry.fixed(quoted(value)))"
      : "\(owner) a '\"' inside double quotes, which ends the value early; inside double quotes write it \\\", or put the value in single quotes: \(entry.fixed(singleQuoted(value)))"
    return YAMLMistake(message: message, line: number, column: closing + 1)
  }

  /// `summary: "A staffing matter` with no closing quote.
  static func unclosedQuote(_ line: [Unicode.Scalar], line number: Int, column: Int) -> YAMLMistake? {
    guard column >= 1, column <= line.count else { return nil }
    let quote = line[column - 1]
    guard quote == "'" || quote == "\"" else { return nil }
    let owner = Entry(line).key.map { "the value of '\($0)'" } ?? "this value"
    let name = quote == "'" ? "a single quote" : "a double quote"
    return YAMLMistake(
      message: "\(owner) opens \(name) (\(quote)) that is never closed; add \(quote) at the end of the value",
      line: number, column: column)
  }

  /// Double quotes where they need no escapes, else single quotes.
  static func quoted(_ value: String) -> String {
    value.contains("\"") || value.contains("\\") ? singleQuoted(value) : "\"\(value)\""
  }

  static func singleQuoted(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
