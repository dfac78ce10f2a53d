import ClerkAudit
import ClerkRender
import Foundation

/// Makes Pagefind's output the same for the same site. Pagefind 1.5.2
/// writes each filter's values in hash-map order, which changes from run
/// to run, and so the filter files' names, the metadata that lists them,
/// and the entry file that names the metadata. Everything else it writes
/// is already stable. This sorts each filter's values, names each filter
/// file and the metadata after their own bytes again, and points the
/// metadata and the entry file at the new names.
enum SearchIndexOrder {
  
  /// Reorders the index in `folder` (a tree's `search/`) in place.
  static func normalise(_ folder: String) throws(Pagefind.Failure) {
    let fileManager = FileManager.default
    var renamed: [String: String] = [:]  // old hash → new, as the metadata lists them
    let filters = folder + "/filter"
    for file in ((try? fileManager.contentsOfDirectory(atPath: filters)) ?? []).sorted() where file.hasSuffix(".pf_filter") {
      let oldHash = String(file.dropLast(".pf_filter".count))
      let value = try read(filters + "/" + file)
      guard case .array(let parts) = value, parts.count == 2, case .text = parts[0], case .array(let values) = parts[1] else {
        throw Pagefind.Failure(message: "filter/\(file) is not a filter index as Pagefind 1.5 writes one")
      }
      let keyed = try values.map { value throws(Pagefind.Failure) in (try Self.key(value, file), value) }
      let sorted = keyed.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
      let bytes = CBOR.array([parts[0], .array(sorted)]).encoded
      let newHash = Self.name(oldHash, for: bytes)
      renamed[oldHash] = newHash
      try write(bytes, to: filters + "/" + newHash + ".pf_filter", replacing: filters + "/" + file)
    }
    for file in ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).sorted() where file.hasSuffix(".pf_meta") {
      let oldHash = String(file.dropFirst("pagefind.".count).dropLast(".pf_meta".count))
      guard case .array(var parts) = try read(folder + "/" + file), parts.count > 3, case .array(let list) = parts[3] else {
        throw Pagefind.Failure(message: "\(file) is not Pagefind 1.5's metadata")
      }
      var entries: [(String, CBOR)] = []
      for entry in list {
        guard case .array(let pair) = entry, pair.count == 2, case .text(let filter) = pair[0], case .text(let hash) = pair[1] else {
          throw Pagefind.Failure(message: "\(file) lists a filter Pagefind 1.5 would not")
        }
        entries.append((filter, .array([pair[0], .text(renamed[hash] ?? hash)])))
      }
      parts[3] = .array(entries.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map(\.1))
      let bytes = CBOR.array(parts).encoded
      let newHash = Self.name(oldHash, for: bytes)
      try write(bytes, to: folder + "/pagefind." + newHash + ".pf_meta", replacing: folder + "/" + file)
      let entryPath = folder + "/pagefind-entry.json"
      guard let entry = fileManager.contents(atPath: entryPath).map({ String(decoding: $0, as: UTF8.self) }),
        entry.contains("\"\(oldHash)\""),
        fileManager.createFile(atPath: entryPath, contents: Data(entry.replacingOccurrences(of: "\"\(oldHash)\"", with: "\"\(newHash)\"").utf8))
      else { throw Pagefind.Failure(message: "pagefind-entry.json does not name \(file)") }
    }
  }

  /// A filter value's text, which its entries are sorted by (as bytes).
  private static func key(_ entry: CBOR, _ file: String) throws(Pagefind.Failure) -> [UInt8] {
    guard case .array(let pair) = entry, pair.count == 2, case .text(let value) = pair[0] else {
      throw Pagefind.Failure(message: "filter/\(file) has a value Pagefind 1.5 would not write")
    }
    return Array(value.utf8)
  }

  /// `<language>_<hex>`, the hex from `bytes`, as long as the old name's.
  private static func name(_ old: String, for bytes: Data) -> String {
    let language = old[..<(old.lastIndex(of: "_") ?? old.startIndex)]
    let width = old.count - language.count - 1
    let hex = String(format: "%016llx", BuildAudit.hash(bytes)) + String(format: "%016llx", BuildAudit.hash(bytes.reversed()))
    return language + "_" + hex.prefix(max(1, min(width, hex.count)))
  }

  private static func read(_ path: String) throws(Pagefind.Failure) -> CBOR {
    let name = (path as NSString).lastPathComponent
    guard let data = FileManager.default.contents(atPath: path) else { throw Pagefind.Failure(message: "cannot read \(name)") }
    do {
      let inflated = try Gzip.decompress(data)
      guard inflated.starts(with: SearchIndexText.signature) else { throw Pagefind.Failure(message: "\(name) has no pagefind_dcd signature") }
      return try CBOR.decode(inflated.dropFirst(SearchIndexText.signature.count))
    } catch let problem as Gzip.Corrupt {
      throw Pagefind.Failure(message: "\(name): \(problem.reason)")
    } catch let problem as CBOR.Malformed {
      throw Pagefind.Failure(message: "\(name): \(problem.reason)")
    } catch let problem as Pagefind.Failure {
      throw problem
    } catch {
      throw Pagefind.Failure(message: "\(name): \(error)")
    }
  }

  private static func write(_ bytes: Data, to path: String, replacing old: String) throws(Pagefind.Failure) {
    try? FileManager.default.removeItem(atPath: old)
    guard FileManager.default.createFile(atPath: path, contents: Gzip.compress(SearchIndexText.signature + bytes)) else {
      throw Pagefind.Failure(message: "cannot write \((path as NSString).lastPathComponent)")
    }
  }
}
