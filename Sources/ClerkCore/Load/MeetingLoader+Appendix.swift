import Foundation
import Markdown
import SwiftCSV
import Yams

extension MeetingLoader {
  static let imageTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"]
  static let appendixExtensions = ["md", "csv", "pdf"] + imageTypes.keys.sorted()

  func loadAppendices(_ node: Node, item: AgendaItem, _ reader: inout YAMLReader) -> [Appendix] {
    var appendices: [Appendix] = []
    for entry in reader.list(node, key: "appendices") ?? [] {
      guard
        let fields = reader.fields(of: entry, what: "an appendix", keys: ContentKeys.appendix),
        let title = fields["title"].flatMap({ reader.string($0, key: "title") }),
        let fileNode = fields["file"], let file = reader.string(fileNode, key: "file")
      else { continue }
      var orientation = Orientation.portrait
      if let node = fields["orientation"] {
        guard let chosen = reader.choice(node, key: "orientation", as: Orientation.self) else { continue }
        orientation = chosen
      }
      switch loadAppendix(title: title, file: file, item: item) {
      case .success(var appendix):
        appendix.orientation = orientation
        appendices.append(appendix)
      case .failure(let problem): reader.error(problem.message, at: fileNode)
      }
    }
    return appendices
  }

  struct AppendixProblem: Error {
    var message: String
  }

  /// Checks that `file` stays inside the item's folder without links, then
  /// reads it according to its type.
  func loadAppendix(title: String, file: String, item: AgendaItem) -> Result<Appendix, AppendixProblem> {
    let folder = files.itemFolder(item)
    let stem = files.itemStem(item)
    let components = file.split(separator: "/", omittingEmptySubsequences: false)
    guard !file.hasPrefix("/"), !file.contains("\\"),
      components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
    else {
      return .failure(AppendixProblem(message: "appendix file '\(file)' must be a plain path inside the item's folder '\(stem)/'"))
    }
    var prefix = folder
    for component in components {
      prefix += "/" + component
      if files.kind(prefix) == .symbolicLink {
        return .failure(AppendixProblem(message: "appendix '\(file)' is a symbolic link; Clerk does not follow links"))
      }
    }
    let path = folder + "/" + file
    let ext = (file.split(separator: ".").last.map { $0.lowercased() }) ?? ""
    guard components.count > 0, file.contains("."), Self.appendixExtensions.contains(ext) else {
      return .failure(AppendixProblem(message: "appendix '\(file)' must be one of: " + Self.appendixExtensions.map { "." + $0 }.joined(separator: ", ")))
    }
    guard files.kind(path) != nil else {
      return .failure(AppendixProblem(message: "appendix file '\(stem)/\(file)' does not exist"))
    }
    do {
      let content: Appendix.Content
      switch ext {
      case "md":
        var local = Diagnostics()
        // Its links are written from its own folder; its HTML is shown on
        // pages in the meeting folder.
        var options = MarkdownOptions.standard
        options.relativeURLBase = ([Substring(stem)] + components.dropLast()).joined(separator: "/") + "/"
        // Its title is an `<h3>` on the item page and in the pack; its own
        // headings come below it.
        options.topHeadingLevel = 4
        let document = parseMarkdown(try files.readText(path), path: path, firstLine: 1, options: options, &local)
        if let first = local.all.first { return .failure(AppendixProblem(message: first.message)) }
        content = .markdown(document)
      case "csv":
        let text = try files.readText(path)
        do {
          let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
          content = .table(CSVTable(header: csv.header, rows: csv.rows))
        } catch {
          return .failure(AppendixProblem(message: "appendix '\(file)' is not valid CSV: \(error)"))
        }
      case "pdf":
        let data = try files.readData(path, limit: ContentFiles.maximumBinaryBytes)
        guard data.starts(with: Array("%PDF-".utf8)) else {
          return .failure(AppendixProblem(message: "appendix '\(file)' is not a PDF file"))
        }
        content = .pdf(bytes: data.count)
      default:
        let data = try files.readData(path, limit: ContentFiles.maximumBinaryBytes)
        guard let mediaType = Self.imageTypes[ext], Self.looksLike(mediaType, data) else {
          return .failure(AppendixProblem(message: "appendix '\(file)' is not a \(ext.uppercased()) image"))
        }
        content = .image(bytes: data.count, mediaType: mediaType)
      }
      return .success(Appendix(title: title, file: file, path: path, content: content))
    } catch {
      return .failure(AppendixProblem(message: "appendix '\(file)': \(error.message)"))
    }
  }

  static func looksLike(_ mediaType: String, _ data: Data) -> Bool {
    switch mediaType {
    case "image/png": return data.starts(with: [0x89, 0x50, 0x4E, 0x47])
    case "image/jpeg": return data.starts(with: [0xFF, 0xD8, 0xFF])
    case "image/gif": return data.starts(with: Array("GIF8".utf8))
    case "image/webp": return data.count > 12 && data.starts(with: Array("RIFF".utf8)) && Array(data[8..<12]) == Array("WEBP".utf8)
    default: return false
    }
  }

  /// Files in an item's folder that neither `appendices:` nor an image in
  /// the body uses are never published; say so, so nothing is lost silently.
  func warnAboutUnusedFiles(of item: AgendaItem, _ diagnostics: inout Diagnostics) {
    let folder = files.itemFolder(item)
    let stem = files.itemStem(item)
    var used = Set(item.appendices.map { folder + "/" + $0.file })
    for link in item.body.links {
      used.insert(folder + "/" + link.url)
      if link.url.hasPrefix(stem + "/") { used.insert(folder + "/" + link.url.dropFirst(stem.count + 1)) }
    }
    for appendix in item.appendices {
      guard case .markdown(let document) = appendix.content else { continue }
      for link in document.links { used.insert(appendix.folder + "/" + link.url) }
    }
    let entries = files.entries(under: folder)
    Self.reportCaseCollisions(entries.map(\.path), &diagnostics)
    for (path, kind) in entries {
      if kind == .symbolicLink {
        diagnostics.error(ContentFiles.ReadProblem.symbolicLink.message, at: SourceLocation(path: path))
      } else if !used.contains(path) {
        let name = (path as NSString).lastPathComponent
        diagnostics.warning("'\(name)' is not used by the item (list it under 'appendices:') and will be ignored", at: SourceLocation(path: path))
      }
    }
  }
}
