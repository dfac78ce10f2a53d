/// A template compiled for the values Clerk's pages are built from
/// (`[String: Any]` of strings, numbers, flags, lists and dictionaries),
/// rendered without the engine's dynamic casts.
///
/// Why: the Mustache engine looks every name up through a chain of
/// protocol casts on `Any`, splits the name on every lookup and copies each
/// section's output into its parent's; on a large archive that was a third
/// of the build. This renderer checks each value's exact type instead and
/// writes into one string. It follows the engine's rules exactly (the parser
/// below is the engine's, token for token) and gives up — `nil` from
/// `CompiledTemplates.render` — on anything else: lambdas, transforms, set
/// delimiters, indented partials, a value of another type. `TemplateSet`
/// then renders with the engine, and `TemplateSetTests` compares the two.
struct CompiledTemplate: Sendable {
  indirect enum Node: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}`; an empty path is `{{.}}`.
    case value(path: [String], escaped: Bool)
    case section(path: [String], inverted: Bool, body: [Node])
    /// `{{> name}}`, or `{{< name}}` with the blocks it overrides.
    case partial(name: String, overrides: [String: [Node]]?)
    /// `{{$name}}default{{/name}}` outside a parent.
    case block(name: String, defaultBody: [Node])
    /// `{{% CONTENT_TYPE: …}}`: how the rest of the template escapes.
    case format(TemplateFormat)
  }

  let nodes: [Node]

  /// `text` compiled, or nil when it uses a feature this renderer leaves to the engine.
  init?(_ text: String) {
    var parser = TemplateParser(Array(text))
    guard let nodes = try? parser.parse(state: .init()) else { return nil }
    self.nodes = nodes
  }
}

/// A template set's compiled templates, rendering one context at a time.
struct CompiledTemplates: Sendable {
  let templates: [String: CompiledTemplate]

  /// A set's templates compiled, or nil when any of them cannot be.
  init?(texts: [String: String]) {
    var templates: [String: CompiledTemplate] = [:]
    for (name, text) in texts {
      guard let template = CompiledTemplate(text) else { return nil }
      templates[name] = template
    }
    self.templates = templates
  }

  /// The template named `name` rendered for `context`, exactly as the engine
  /// would; nil when the context holds a value this renderer leaves to the engine.
  func render(_ context: [String: Any], template name: String) -> String? {
    guard let template = templates[name] else { return nil }
    var out = ""
    var stack: [Any] = [context]
    do {
      try render(template.nodes, stack: &stack, format: nil, inherited: nil, into: &out)
    } catch {
      return nil
    }
    return out
  }

  struct Unsupported: Error {}

  /// `format` nil is the engine's own HTML escaping, which a template
  /// starting with its format pragma never uses.
  private func render(
    _ nodes: [CompiledTemplate.Node], stack: inout [Any], format: TemplateFormat?,
    inherited: [String: [CompiledTemplate.Node]]?, into out: inout String
  ) throws(Unsupported) {
    var format = format
    for node in nodes {
      switch node {
      case .text(let text):
        out += text
      case .value(let path, let escaped):
        guard let value = try lookUp(path, in: stack) else { continue }
        let text = try Self.text(of: value)
        if escaped {
          guard let format else { throw Unsupported() }
          out += format.escape(text)
        } else {
          out += text
        }
      case .section(let path, let inverted, let body):
        let value = try lookUp(path, in: stack)
        try renderSection(value, inverted: inverted, body: body, stack: &stack, format: format, inherited: inherited, into: &out)
      case .partial(let name, let overrides):
        guard let template = templates[name] else { continue }
        var merged = inherited
        if let overrides {
          merged = inherited.map { $0.merging(overrides) { value, _ in value } } ?? overrides
        }
        try render(template.nodes, stack: &stack, format: nil, inherited: merged, into: &out)
      case .block(let name, let defaultBody):
        try render(inherited?[name] ?? defaultBody, stack: &stack, format: format, inherited: inherited, into: &out)
      case .format(let newFormat):
        format = newFormat
      }
    }
  }

  private func renderSection(
    _ value: Any?, inverted: Bool, body: [CompiledTemplate.Node], stack: inout [Any], format: TemplateFormat?,
    inherited: [String: [CompiledTemplate.Node]]?, into out: inout String
  ) throws(Unsupported) {
    guard let value else {
      if inverted { try render(body, stack: &stack, format: format, inherited: inherited, into: &out) }
      return
    }
    switch try Self.kind(of: value) {
    case .flag(let flag):
      if flag != inverted { try render(body, stack: &stack, format: format, inherited: inherited, into: &out) }
    case .list(let elements) where inverted:
      guard elements.isEmpty else { return }
      stack.append(value)  // the engine pushes the empty list itself
      defer { stack.removeLast() }
      try render(body, stack: &stack, format: format, inherited: inherited, into: &out)
    case .list(let elements):
      for element in elements {
        stack.append(element)
        defer { stack.removeLast() }
        try render(body, stack: &stack, format: format, inherited: inherited, into: &out)
      }
    case .scalar, .dictionary:
      if inverted { return }
      stack.append(value)
      defer { stack.removeLast() }
      try render(body, stack: &stack, format: format, inherited: inherited, into: &out)
    }
  }

  /// The engine's lookup: `.` is the top of the stack; otherwise the first
  /// name is searched from the top down, the rest within what it found.
  private func lookUp(_ path: [String], in stack: [Any]) throws(Unsupported) -> Any? {
    guard let first = path.first else { return stack.last }
    for object in stack.reversed() {
      guard var found = try Self.child(first, of: object) else { continue }
      for name in path.dropFirst() {
        guard let next = try Self.child(name, of: found) else { return nil }
        found = next
      }
      return found
    }
    return nil
  }

  /// A dictionary's value for `name`; nothing for the other kinds (the
  /// engine's `Mirror` finds no labelled children in them).
  private static func child(_ name: String, of object: Any) throws(Unsupported) -> Any? {
    guard case .dictionary(let dictionary) = try kind(of: object) else { return nil }
    return dictionary[name]
  }

  /// `String(describing:)` of a value a template prints.
  private static func text(of value: Any) throws(Unsupported) -> String {
    switch try kind(of: value) {
    case .scalar(let text): return text
    case .flag(let flag): return flag ? "true" : "false"
    case .dictionary, .list: throw Unsupported()
    }
  }

  /// The kinds of value pages are built from, as the engine treats them.
  enum Kind {
    /// A string or an integer: printed, pushed by a section, no children.
    case scalar(String)
    case flag(Bool)
    case dictionary([String: Any])
    case list([Any])
  }

  /// The kind of `value`, by its exact type for the common ones (no
  /// protocol casts); other dictionaries and arrays by a cast; anything
  /// else, optionals included, is left to the engine.
  static func kind(of value: Any) throws(Unsupported) -> Kind {
    let type = ObjectIdentifier(Swift.type(of: value))
    if type == ObjectIdentifier(String.self), let text = value as? String { return .scalar(text) }
    if type == ObjectIdentifier([String: Any].self), let dictionary = value as? [String: Any] { return .dictionary(dictionary) }
    if type == ObjectIdentifier(Bool.self), let flag = value as? Bool { return .flag(flag) }
    if type == ObjectIdentifier(Int.self), let number = value as? Int { return .scalar(String(number)) }
    if type == ObjectIdentifier([[String: Any]].self), let list = value as? [[String: Any]] { return .list(list) }
    if type == ObjectIdentifier([String].self), let list = value as? [String] { return .list(list) }
    if type == ObjectIdentifier([String: String].self), let dictionary = value as? [String: String] {
      return .dictionary(dictionary)
    }
    if Self.isOptional(value) { throw Unsupported() }
    if let dictionary = value as? [String: Any] { return .dictionary(dictionary) }
    if let list = value as? [Any] { return .list(list) }
    throw Unsupported()
  }

  private static func isOptional(_ value: Any) -> Bool { value is any OptionalValue }
}

/// Marks `Optional`, which the engine unwraps in places a cast cannot tell.
private protocol OptionalValue {}
extension Optional: OptionalValue {}
