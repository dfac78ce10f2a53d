import Crypto
import Foundation

/// Finished PDFs by a SHA-256 of everything that goes into them, so an
/// unchanged pack is never laid out twice: `<folder>/<key>.pdf` and
/// `<key>.json` (its pages and anchors). Files appear by rename only, so a
/// build that stops half way leaves no half-written entry.
struct PDFCache: Sendable {
  let folder: String
  /// The engine's version and the installed fonts: part of every key.
  let environment: String

  /// What a cached PDF's `.json` holds.
  struct Entry: Codable {
    var pages: Int
    var anchors: [String: Int?]
    var bytes: Int
  }

  init(folder: String, engine: PDFEngine) {
    self.folder = folder
    var hash = SHA256()
    hash.update(data: Data("clerk-pdf-cache 1\n\(engine.version)\n".utf8))
    hash.update(data: Data(Self.fontListing().utf8))
    environment = hash.finalize().hex
  }

  /// Every font file the layout could use, with its size: installing or
  /// removing a font can move a page break.
  static func fontListing() -> String {
    let home = NSHomeDirectory()
    var lines: [String] = []
    for top in ["/usr/share/fonts", "/usr/local/share/fonts", home + "/.fonts", home + "/.local/share/fonts"] {
      guard let names = FileManager.default.subpaths(atPath: top) else { continue }
      for name in names.sorted() {
        let path = top + "/" + name
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, attributes?[.type] as? FileAttributeType == .typeRegular {
          lines.append("\(path) \(size)")
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The key of a pack: the engine, the anchors asked for, where the pack
  /// sits in its tree, its HTML bytes and the bytes of every local file it
  /// references (stylesheets, their imports and fonts, images).
  func key(html: String, pdf: String, root: String, anchors: [String]) throws -> String {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: html))
    var hash = SHA256()
    func field(_ name: String, _ value: Data) {
      hash.update(data: Data("\(name)\0\(value.count)\0".utf8))
      hash.update(data: value)
    }
    func field(_ name: String, _ value: String) { field(name, Data(value.utf8)) }
    let htmlFolder = (html as NSString).deletingLastPathComponent
    field("environment", environment)
    field("anchors", anchors.joined(separator: "\n"))
    field("pdf-folder", PackReferences.relative((pdf as NSString).deletingLastPathComponent, from: htmlFolder))
    field("html-in-root", PackReferences.relative(html, from: root))
    field("html", bytes)
    for reference in PackReferences.scan(html: String(decoding: bytes, as: UTF8.self), path: html) {
      switch reference {
      case .url(let url):
        field("url", url)
      case .file(let path):
        field("file", PackReferences.relative(path, from: htmlFolder))
        if let contents = FileManager.default.contents(atPath: path) {
          field("bytes", SHA256.hash(data: contents).hex)
        } else {
          field("missing", "")
        }
      }
    }
    return hash.finalize().hex
  }

  /// Copies the cached PDF of `key` to `destination`; nil on a miss.
  func lookUp(_ key: String, into destination: String) -> Entry? {
    let pdf = folder + "/" + key + ".pdf"
    guard let data = FileManager.default.contents(atPath: folder + "/" + key + ".json"),
      let entry = try? JSONDecoder().decode(Entry.self, from: data),
      let size = (try? FileManager.default.attributesOfItem(atPath: pdf))?[.size] as? Int, size == entry.bytes,
      (try? Self.copy(pdf, to: destination)) != nil
    else { return nil }
    return entry
  }

  /// Keeps a copy of `pdf` under `key`. A cache that cannot be written only
  /// costs time on the next build.
  func store(_ key: String, pdf: String, entry: Entry) {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Self.copy(pdf, to: folder + "/" + key + ".pdf")
      try JSONEncoder().encode(entry).write(to: URL(fileURLWithPath: folder + "/" + key + ".json"), options: .atomic)
    } catch {}
  }

  /// A temporary name beside `path`, for a file that appears by rename.
  static func temporary(beside path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder + "/." + (path as NSString).lastPathComponent
      + ".clerk-tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
  }

  /// Copies through a temporary file and a rename: `destination` is either
  /// the old file or the whole new one.
  static func copy(_ source: String, to destination: String) throws {
    let temporary = temporary(beside: destination)
    do {
      try FileManager.default.copyItem(atPath: source, toPath: temporary)
      try moveIntoPlace(temporary, destination)
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
  }

  /// `rename(2)`, which replaces `destination` in one step.
  static func moveIntoPlace(_ temporary: String, _ destination: String) throws {
    guard rename(temporary, destination) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
    }
  }
}

extension Digest {
  var hex: String { map { String(format: "%02x", $0) }.joined() }
}
