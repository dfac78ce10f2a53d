/// The Mustache engine's parser (swift-mustache `Template+Parser.swift`),
/// step for step, producing `CompiledTemplate.Node`s: which whitespace and
/// line ends a standalone tag removes must match the engine's to the byte.
/// Throws on what `CompiledTemplate` leaves to the engine: transforms, set
/// delimiters, dynamic or indented partials, pragmas other than Clerk's
/// formats, and anything the engine would reject.
struct TemplateParser {
  struct Unsupported: Error {}

  struct State {
    var sectionName: String?
    var newLine = true
    var isPartialDefinition = false
    var isPartialDefinitionTopLevel = false
    var partialDefinitionIndent: Int?

    func withSectionName(_ name: String, newLine: Bool) -> State {
      var state = self
      state.sectionName = name
      state.isPartialDefinitionTopLevel = false
      if !newLine { state.newLine = false }
      return state
    }

    func withInheritancePartial(_ name: String) -> State {
      var state = self
      state.sectionName = name
      state.newLine = true
      state.isPartialDefinition = true
      state.isPartialDefinitionTopLevel = true
      return state
    }
  }

  private let text: [Character]
  private var position = 0

  init(_ text: [Character]) { self.text = text }

  private var atEnd: Bool { position == text.count }
  private var current: Character { atEnd ? "\0" : text[position] }

  typealias Node = CompiledTemplate.Node

  mutating func parse(state: State) throws(Unsupported) -> [Node] {
    var nodes: [Node] = []
    var state = state
    var whiteSpaceBefore = ""
    while !atEnd {
      if state.newLine {
        let whiteSpace = read { $0 == " " || $0 == "\t" }
        if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
          if let indent = state.partialDefinitionIndent {
            whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
          } else {
            state.partialDefinitionIndent = whiteSpace.count
          }
        } else {
          whiteSpaceBefore = whiteSpace
        }
      }
      let text = readUntilDelimiterOrNewline()
      if current.isNewline {
        nodes.append(.text(whiteSpaceBefore + text + String(current)))
        state.newLine = true
        position += 1
        continue
      }
      if !text.isEmpty {
        nodes.append(.text(whiteSpaceBefore + text))
        whiteSpaceBefore = ""
        state.newLine = false
      }
      if atEnd { break }
      var setNewLine = false
      switch current {
      case "#", "^":
        let inverted = current == "^"
        position += 1
        let name = try readName()
        if isStandalone(state) {
          setNewLine = true
        } else if !whiteSpaceBefore.isEmpty {
          nodes.append(.text(whiteSpaceBefore))
          whiteSpaceBefore = ""
        }
        let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
        nodes.append(.section(path: Self.path(name), inverted: inverted, body: body))
      case "/":
        position += 1
        let name = try readName()
        guard name == state.sectionName else { throw Unsupported() }
        if !isStandalone(state), !whiteSpaceBefore.isEmpty {
          nodes.append(.text(whiteSpaceBefore))
        }
        return nodes
      case "!":
        position += 1
        try skipComment()
        setNewLine = isStandalone(state)
      case "{":
        if !whiteSpaceBefore.isEmpty {
          nodes.append(.text(whiteSpaceBefore))
          whiteSpaceBefore = ""
        }
        position += 1
        let name = try readName()
        guard current == "}" else { throw Unsupported() }
        position += 1
        nodes.append(.value(path: Self.path(name), escaped: false))
      case "&":
        if !whiteSpaceBefore.isEmpty {
          nodes.append(.text(whiteSpaceBefore))
          whiteSpaceBefore = ""
        }
        position += 1
        nodes.append(.value(path: Self.path(try readName()), escaped: false))
      case ">":
        position += 1
        _ = read(while: \.isWhitespace)
        guard current != "*" else { throw Unsupported() }
        let name = try readPartialName()
        if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
        if isStandalone(state) {
          setNewLine = true
          // The engine indents every line of a standalone partial by the tag's own indent.
          guard whiteSpaceBefore.isEmpty else { throw Unsupported() }
        }
        nodes.append(.partial(name: name, overrides: nil))
        whiteSpaceBefore = ""
      case "<":
        position += 1
        _ = read(while: \.isWhitespace)
        let name = try readPartialName()
        guard name.first != "*", whiteSpaceBefore.isEmpty else { throw Unsupported() }
        if isStandalone(state) { setNewLine = true }
        var overrides: [String: [Node]] = [:]
        try parseDefinitions(state: state.withInheritancePartial(name), into: &overrides)
        nodes.append(.partial(name: name, overrides: overrides))
        whiteSpaceBefore = ""
      case "$":
        position += 1
        let name = try readName()
        guard !state.isPartialDefinitionTopLevel else { throw Unsupported() }  // handled by parseDefinitions
        guard whiteSpaceBefore.isEmpty else { throw Unsupported() }
        if isStandalone(state) { setNewLine = true }
        let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
        nodes.append(.block(name: name, defaultBody: body))
        whiteSpaceBefore = ""
      case "%":
        position += 1
        nodes.append(.format(try readFormat()))
        setNewLine = isStandalone(state)
      default:  // "=" (set delimiters) included: left to the engine
        guard current != "=" else { throw Unsupported() }
        if !whiteSpaceBefore.isEmpty {
          nodes.append(.text(whiteSpaceBefore))
          whiteSpaceBefore = ""
        }
        nodes.append(.value(path: Self.path(try readName()), escaped: true))
      }
      state.newLine = setNewLine
    }
    guard state.sectionName == nil else { throw Unsupported() }
    return nodes
  }

  /// The inside of `{{< parent}}…{{/parent}}`: block definitions, and text
  /// the engine ignores. The same loop as `parse`, keeping only `{{$name}}`.
  private mutating func parseDefinitions(state: State, into overrides: inout [String: [Node]]) throws(Unsupported) {
    var state = state
    while !atEnd {
      if state.newLine {
        _ = read { $0 == " " || $0 == "\t" }
      }
      let text = readUntilDelimiterOrNewline()
      if current.isNewline {
        state.newLine = true
        position += 1
        continue
      }
      if !text.isEmpty { state.newLine = false }
      if atEnd { break }
      var setNewLine = false
      switch current {
      case "/":
        position += 1
        let name = try readName()
        guard name == state.sectionName else { throw Unsupported() }
        _ = isStandalone(state)
        return
      case "!":
        position += 1
        try skipComment()
        setNewLine = isStandalone(state)
      case "$":
        position += 1
        let name = try readName()
        if isStandalone(state) { setNewLine = true }
        overrides[name] = try parse(state: state.withSectionName(name, newLine: setNewLine))
      default:
        throw Unsupported()  // the engine rejects any other tag here, or it is `=`
      }
      state.newLine = setNewLine
    }
    throw Unsupported()  // no closing tag
  }

  /// A name split as the engine splits it on every lookup; `.` is the empty path.
  static func path(_ name: String) -> [String] {
    name == "." ? [] : name.split(separator: ".").map(String.init)
  }

  private mutating func read(while predicate: (Character) -> Bool) -> String {
    let start = position
    while !atEnd, predicate(text[position]) { position += 1 }
    return String(text[start..<position])
  }

  /// Text up to a line end or an opening `{{` (which is consumed).
  private mutating func readUntilDelimiterOrNewline() -> String {
    var total = ""
    while !atEnd {
      total += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
      if current.isNewline { break }
      if current == "{" {
        if position + 1 < text.count, text[position + 1] == "{" {
          position += 2
          break
        }
        total.append("{")
        position += 1
      }
    }
    return total
  }

  private mutating func readClose() throws(Unsupported) {
    guard position + 1 < text.count, text[position] == "}", text[position + 1] == "}" else { throw Unsupported() }
    position += 2
  }

  private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

  /// A tag's name; a name with a transform (`count(list)`) is left to the engine.
  private mutating func readName() throws(Unsupported) -> String {
    _ = read(while: \.isWhitespace)
    let name = read { Self.nameCharacters.contains($0) }
    _ = read(while: \.isWhitespace)
    guard current != "(" && current != ")" else { throw Unsupported() }
    try readClose()
    return name
  }

  private static let partialNameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

  private mutating func readPartialName() throws(Unsupported) -> String {
    _ = read(while: \.isWhitespace)
    let name = read { Self.partialNameCharacters.contains($0) }
    _ = read(while: \.isWhitespace)
    try readClose()
    return name
  }

  private mutating func skipComment() throws(Unsupported) {
    while position + 1 < text.count {
      if text[position] == "}" && text[position + 1] == "}" {
        position += 2
        return
      }
      position += 1
    }
    throw Unsupported()
  }

  /// `{{% CONTENT_TYPE: CLERK_HTML}}` and the other formats `TemplateFormat` registers.
  private mutating func readFormat() throws(Unsupported) -> TemplateFormat {
    _ = read(while: \.isWhitespace)
    let variable = read { Self.nameCharacters.contains($0) }
    _ = read(while: \.isWhitespace)
    guard current == ":" else { throw Unsupported() }
    position += 1
    _ = read(while: \.isWhitespace)
    let value = read { Self.nameCharacters.contains($0) }
    _ = read(while: \.isWhitespace)
    try readClose()
    guard variable == "CONTENT_TYPE",
      let format = TemplateFormat.allCases.first(where: { "CLERK_" + $0.rawValue.uppercased() == value })
    else { throw Unsupported() }
    return format
  }

  /// The engine's standalone test: the tag began a line and only spaces
  /// and tabs follow it to the line end, which is then consumed.
  private mutating func isStandalone(_ state: State) -> Bool {
    guard state.newLine else { return false }
    if atEnd { return true }
    var probe = position
    while probe < text.count, text[probe] == " " || text[probe] == "\t" { probe += 1 }
    guard probe < text.count, text[probe].isNewline else { return false }
    position = probe + 1
    return true
  }
}
