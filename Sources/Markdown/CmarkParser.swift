import CCmarkGFM
import Foundation

// The only file that talks to cmark-gfm. Everything else in the module sees
// `CmarkTree` and `CmarkNode`, which never leave the module, and every C
// object created here is freed before `CmarkParser.withTree` returns.

/// Parses markdown with cmark-gfm and lends the tree to a closure.
enum CmarkParser {
  /// Registers the core extensions once per process; `static let` runs its
  /// initialiser exactly once even when documents are parsed on many threads.
  private static let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

  /// Serialises block and inline parsing across threads. cmark-gfm 0.29.0.gfm.6
  /// keeps the extensions' special characters (`~`, `:`, `w`) in a global
  /// table that every parser adds to and then clears again, in
  /// `cmark_parser_finish` and in the table extension's row parser; two
  /// parsers at once give each other different output (measured: a `<…>`
  /// autolink came and went). Walking and rendering need no lock.
  private static let parseLock = NSLock()

  /// Parses `bytes` and calls `body` with the tree; frees the tree and the
  /// parser afterwards, also when `body` throws.
  static func withTree<R>(
    _ bytes: [UInt8], smartPunctuation: Bool,
    _ body: (inout CmarkTree) throws(MarkdownError) -> R
  ) throws(MarkdownError) -> R {
    precondition(extensionsRegistered)
    // Never CMARK_OPT_UNSAFE: raw HTML and javascript: URLs stay disabled.
    // Never CMARK_OPT_SOURCEPOS: positions are read from the nodes instead.
    var options =
      CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
      | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
    if smartPunctuation { options |= CMARK_OPT_SMART }

    guard let parser = cmark_parser_new(options) else { fatalError("cmark-gfm: out of memory") }
    defer { cmark_parser_free(parser) }
    for name in extensionNames {
      guard let syntaxExtension = cmark_find_syntax_extension(name) else {
        fatalError("cmark-gfm: extension '\(name)' is not registered")
      }
      cmark_parser_attach_syntax_extension(parser, syntaxExtension)
    }
    let finished: OpaquePointer? = parseLock.withLock {
      bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
        }
      }
      return cmark_parser_finish(parser)
    }
    guard let root = finished else { fatalError("cmark-gfm: out of memory") }
    defer { cmark_node_free(root) }

    var tree = CmarkTree(parser: parser, root: root, options: options)
    return try body(&tree)
  }
}

/// What kind of node a `CmarkNode` is, including the extension node types
/// that have no C constant.
enum CmarkNodeKind: Equatable {
  case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph
  case heading, thematicBreak, footnoteDefinition
  case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong
  case link, image, footnoteReference
  case table, tableRow, tableCell, strikethrough, other

  /// Leaves get no exit event from `cmark_iter`; `CmarkTree.walk` adds one.
  var isLeaf: Bool {
    switch self {
    case .htmlBlock, .thematicBreak, .codeBlock, .text, .softBreak, .lineBreak, .code, .htmlInline:
      return true
    default:
      return false
    }
  }

  var isBlock: Bool {
    switch self {
    case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph,
      .heading, .thematicBreak, .footnoteDefinition, .table, .tableRow, .tableCell:
      return true
    default:
      return false
    }
  }
}

enum WalkEvent {
  case enter, exit
}

/// A borrowed cmark node; valid only inside `CmarkParser.withTree`.
struct CmarkNode {
  fileprivate let raw: OpaquePointer

  var kind: CmarkNodeKind {
    switch cmark_node_get_type(raw) {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST: return .list
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK: return .codeBlock
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock
    case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
    case CMARK_NODE_TEXT: return .text
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code
    case CMARK_NODE_HTML_INLINE: return .htmlInline
    case CMARK_NODE_CUSTOM_INLINE: return .customInline
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK: return .link
    case CMARK_NODE_IMAGE: return .image
    case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
    default:
      // Extension node types are numbered at registration; only their
      // names are stable.
      guard let name = cmark_node_get_type_string(raw) else { return .other }
      func named(_ expected: StaticString) -> Bool {
        let bytes = expected.utf8Start
        let count = expected.utf8CodeUnitCount
        for offset in 0..<count where UInt8(bitPattern: name[offset]) != bytes[offset] {
          return false
        }
        return name[count] == 0
      }
      if named("table_cell") { return .tableCell }
      if named("table_row") || named("table_header") { return .tableRow }
      if named("table") { return .table }
      if named("strikethrough") { return .strikethrough }
      return .other
    }
  }

  /// Text of text, code, HTML and code-block nodes; empty for other nodes.
  var literal: String {
    guard let text = cmark_node_get_literal(raw) else { return "" }
    return String(cString: text)
  }

  var url: String {
    guard let text = cmark_node_get_url(raw) else { return "" }
    return String(cString: text)
  }

  var title: String {
    guard let text = cmark_node_get_title(raw) else { return "" }
    return String(cString: text)
  }

  var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }

  /// cmark's start position: 1-based line, 1-based UTF-8 byte column; 0:0
  /// for nodes made by extensions after parsing (email autolinks).
  var start: (line: Int, column: Int) {
    (Int(cmark_node_get_start_line(raw)), Int(cmark_node_get_start_column(raw)))
  }

  var previous: CmarkNode? { cmark_node_previous(raw).map(CmarkNode.init) }
  var next: CmarkNode? { cmark_node_next(raw).map(CmarkNode.init) }
  var firstChild: CmarkNode? { cmark_node_first_child(raw).map(CmarkNode.init) }
}

/// A parsed document: walking, the few tree edits rendering needs, and HTML.
struct CmarkTree {
  fileprivate let parser: OpaquePointer
  fileprivate let root: OpaquePointer
  fileprivate let options: Int32

  fileprivate init(parser: OpaquePointer, root: OpaquePointer, options: Int32) {
    self.parser = parser
    self.root = root
    self.options = options
  }

  var document: CmarkNode { CmarkNode(raw: root) }

  /// Visits every node in document order without recursion; every node,
  /// leaves included, gets an `.enter` and then an `.exit`.
  func walk<E: Error>(_ visit: (WalkEvent, CmarkNode, CmarkNodeKind) throws(E) -> Void) throws(E) {
    guard let iterator = cmark_iter_new(root) else { fatalError("cmark-gfm: out of memory") }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let raw = cmark_iter_get_node(iterator) else { continue }
      let node = CmarkNode(raw: raw)
      let kind = node.kind
      if event == CMARK_EVENT_ENTER {
        try visit(.enter, node, kind)
        if kind.isLeaf { try visit(.exit, node, kind) }
      } else if event == CMARK_EVENT_EXIT {
        try visit(.exit, node, kind)
      }
    }
  }

  // Inline placeholders are text nodes holding private-use markers (see
  // `Placeholder`): cmark-gfm prints them unescaped, and unlike custom
  // inlines, which its table extension refuses inside cells, text is allowed
  // wherever inlines are.

  /// Replaces `node` by a text node, the node's children (unless dropped)
  /// and another text node.
  mutating func replace(_ node: CmarkNode, before: String, after: String, dropChildren: Bool) {
    insertText(before, nextTo: node.raw, after: false)
    while let child = cmark_node_first_child(node.raw) {
      cmark_node_unlink(child)
      if dropChildren || cmark_node_insert_before(node.raw, child) == 0 {
        cmark_node_free(child)
      }
    }
    insertText(after, nextTo: node.raw, after: true)
    cmark_node_unlink(node.raw)
    cmark_node_free(node.raw)
  }

  /// Frees the children of `node` and gives it one text child.
  mutating func replaceChildren(of node: CmarkNode, withText text: String) {
    while let child = cmark_node_first_child(node.raw) {
      cmark_node_unlink(child)
      cmark_node_free(child)
    }
    let textNode = makeText(text)
    if cmark_node_append_child(node.raw, textNode) == 0 { cmark_node_free(textNode) }
  }

  /// Points a link or image elsewhere; the renderer escapes the new URL.
  mutating func setURL(of node: CmarkNode, to url: String) {
    cmark_node_set_url(node.raw, url)
  }

  /// Changes a heading's level (1...6).
  mutating func setHeadingLevel(of node: CmarkNode, to level: Int) {
    cmark_node_set_heading_level(node.raw, Int32(level))
  }

  /// Puts a text node first in an inline container such as a heading.
  mutating func prependText(_ text: String, to node: CmarkNode) {
    let textNode = makeText(text)
    if cmark_node_prepend_child(node.raw, textNode) == 0 { cmark_node_free(textNode) }
  }

  /// Puts `node` inside a custom block printing `onEnter` and `onExit`.
  mutating func wrap(_ node: CmarkNode, onEnter: String, onExit: String) {
    guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else {
      fatalError("cmark-gfm: out of memory")
    }
    cmark_node_set_on_enter(custom, onEnter)
    cmark_node_set_on_exit(custom, onExit)
    guard cmark_node_insert_before(node.raw, custom) != 0 else {
      cmark_node_free(custom)
      return
    }
    cmark_node_unlink(node.raw)
    if cmark_node_append_child(custom, node.raw) == 0 {
      // Cannot happen (custom blocks take any child); keep the node anyway.
      cmark_node_replace(custom, node.raw)
      cmark_node_free(custom)
    }
  }

  private func insertText(_ text: String, nextTo node: OpaquePointer, after: Bool) {
    let textNode = makeText(text)
    let inserted =
      after ? cmark_node_insert_after(node, textNode) : cmark_node_insert_before(node, textNode)
    if inserted == 0 { cmark_node_free(textNode) }
  }

  private func makeText(_ text: String) -> OpaquePointer {
    guard let node = cmark_node_new(CMARK_NODE_TEXT) else { fatalError("cmark-gfm: out of memory") }
    cmark_node_set_literal(node, text)
    return node
  }

  /// Renders HTML (safe mode) and lends the bytes, which are freed afterwards.
  func withHTML<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser))
    else { fatalError("cmark-gfm: out of memory") }
    // The parser and the renderer use cmark's default allocator.
    defer { cmark_get_default_mem_allocator().pointee.free(html) }
    let bytes = UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self)
    var count = 0
    while bytes[count] != 0 { count += 1 }
    return try body(UnsafeBufferPointer(start: bytes, count: count))
  }
}
