import ClerkCore
import Foundation
import Mustache

/// The council's templates: every `*.mustache` file under a folder, checked
/// up front so a missing template or partial is an error naming the file
/// (the engine itself silently renders nothing).
public struct TemplateSet: Sendable {
  public struct Problem: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { diagnostic.description }
    /// The problem as every command prints one.
    public var diagnostic: Diagnostic {
      Diagnostic(.error, message, at: SourceLocation(path: path, line: line, column: column))
    }

    public init(path: String, line: Int, column: Int, message: String) {
      self.path = path
      self.line = line
      self.column = column
      self.message = message
    }
  }

  /// Templates every build renders.
  public static let required = [
    "site/index", "site/committee", "site/meeting", "site/partials/agenda-entry", "site/item",
    "site/partials/item-content", "site/minutes", "pack/pack", "pack/partials/agenda-entry", "pack/partials/item",
    "site/sitemap.xml", "site/robots.txt", "site/feed.atom", "site/calendar.ics", "site/accessibility", "site/search",
  ]

  public let directory: String
  let library: MustacheLibrary
  /// The same templates compiled for Clerk's context values; nil when one
  /// uses a feature only the engine renders.
  let compiled: CompiledTemplates?
  let names: Set<String>
  /// Each template's format, from its name (`TemplateFormat`).
  let formats: [String: TemplateFormat]
  /// Files copied as they are (stylesheets, images), relative to `directory`.
  public let assets: [String]

  public init(directory: String) throws(Problem) {
    var directory = directory
    while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
    self.directory = directory
    let files = Self.listFiles(directory)
    guard !files.isEmpty else {
      throw Problem(path: directory, line: 1, column: 1, message: "template folder not found or empty")
    }
    var library = MustacheLibrary()
    var texts: [String: String] = [:]
    var registered: [String: String] = [:]
    for file in files where file.hasSuffix(".mustache") {
      let name = String(file.dropLast(".mustache".count))
      let path = directory + "/" + file
      guard let data = FileManager.default.contents(atPath: path) else {
        throw Problem(path: path, line: 1, column: 1, message: "template cannot be read")
      }
      let text = String(decoding: data, as: UTF8.self)
      registered[name] = TemplateFormat(templateName: name).pragma + text
      do {
        try library.register(TemplateFormat(templateName: name).pragma + text, named: name)
      } catch let error as MustacheTemplate.ParserError {
        throw Problem(
          path: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
          message: "template syntax: \(error.error)")
      } catch {
        throw Problem(path: path, line: 1, column: 1, message: "template syntax: \(error)")
      }
      texts[name] = text
    }
    self.library = library
    self.compiled = CompiledTemplates(texts: registered)
    self.names = Set(texts.keys)
    self.formats = Dictionary(uniqueKeysWithValues: texts.keys.map { ($0, TemplateFormat(templateName: $0)) })
    self.assets = files.filter { !$0.hasSuffix(".mustache") && !$0.hasSuffix(".md") }
    for name in Self.required where texts[name] == nil {
      throw Problem(path: "\(directory)/\(name).mustache", line: 1, column: 1, message: "required template is missing")
    }
    for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
      for reference in Self.references(in: text) where texts[reference.name] == nil {
        throw Problem(
          path: "\(directory)/\(name).mustache", line: reference.line, column: reference.column,
          message: "template refers to '\(reference.name)', but \(directory)/\(reference.name).mustache does not exist")
      }
    }
  }

  public func render(_ context: [String: Any], template name: String) throws(Problem) -> String {
    guard names.contains(name), let output = renderCompiled(context, template: name) ?? renderWithEngine(context, template: name)
    else {
      throw Problem(path: "\(directory)/\(name).mustache", line: 1, column: 1, message: "template is missing")
    }
    return formats[name]?.finish(output) ?? output
  }

  /// The fast path: the compiled template's output, the engine's bytes
  /// (`TemplateSetTests` compares the two); nil when it leaves the context to the engine.
  func renderCompiled(_ context: [String: Any], template name: String) -> String? {
    compiled?.render(context, template: name)
  }

  /// The Mustache engine's output, before `finish`.
  func renderWithEngine(_ context: [String: Any], template name: String) -> String? {
    library.render(context, withTemplate: name)
  }

  /// Partials (`{{> name}}`) and parents (`{{< name}}`) a template uses.
  static func references(in text: String) -> [(name: String, line: Int, column: Int)] {
    var found: [(String, Int, Int)] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (number, line) in lines.enumerated() {
      var rest = line[...]
      while let open = rest.range(of: "{{") {
        let after = rest[open.upperBound...].drop { $0 == " " }
        guard let sigil = after.first, sigil == ">" || sigil == "<",
          let close = after.range(of: "}}")
        else {
          rest = rest[open.upperBound...]
          continue
        }
        let name = after.dropFirst()[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
        if !name.isEmpty { found.append((name, number + 1, column)) }
        rest = after[close.upperBound...]
      }
    }
    return found
  }

  static func listFiles(_ directory: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
    var files: [String] = []
    for case let path as String in enumerator {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue,
        !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
      {
        files.append(path)
      }
    }
    return files.sorted()
  }
}
