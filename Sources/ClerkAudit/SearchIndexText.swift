import ClerkCore
import Foundation

/// The text of Pagefind's compressed index files, for the audit: the
/// fragments (each page's text, as JSON), the word index, the metadata and
/// the filters are gzip streams that start, once inflated, with Pagefind's
/// signature `pagefind_dcd`. Read as they are, their words would be
/// invisible to the audit; inflated, they are read as text like any page.
/// A file that should be one of these and is not cannot be audited: it is
/// a gap, never clean.
public enum SearchIndexText {
  /// What an inflated Pagefind file starts with.
  public static let signature = Data("pagefind_dcd".utf8)

  /// The extensions Pagefind writes compressed: fragments, word index,
  /// metadata, filters, and the WebAssembly (`wasm.<language>.pagefind`).
  public static let compressedTypes: Set<String> = ["pf_fragment", "pf_index", "pf_meta", "pf_filter", "pagefind"]

  /// The index's folder at the root of each tree.
  public static let folder = "search"

  /// Whether a published file is one of Pagefind's compressed files.
  public static func isCompressed(_ path: String) -> Bool {
    compressedTypes.contains(PathName.fileExtension(of: path).lowercased())
  }

  /// Whether a file (relative to the tree, or to the build as
  /// `public/…`) is in the search index.
  static func isInIndex(_ relative: String) -> Bool {
    let path = relative.hasPrefix("public/") ? relative.dropFirst("public/".count) : Substring(relative)
    return path.hasPrefix(folder + "/")
  }

  /// The text of the file at `path`, or nil with the reason recorded in
  /// `gaps` under `name` (how the caller names the file).
  static func read(_ path: String, name: String, gaps: AuditGaps) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else {
      gaps.record(name, "cannot be read, so its search-index text cannot be audited")
      return nil
    }
    do throws(Gzip.Corrupt) {
      return sentences(try text(of: data))
    } catch {
      gaps.record(name, "is not a Pagefind index file the audit can read (\(error.reason)), so its text cannot be audited")
      return nil
    }
  }

  /// The inflated text after the signature. Binary parts (CBOR lengths,
  /// WebAssembly) come out as replacement characters between the words.
  public static func text(of data: Data) throws(Gzip.Corrupt) -> String {
    let inflated = try Gzip.decompress(data)
    guard inflated.starts(with: signature) else {
      throw Gzip.Corrupt(reason: "no pagefind_dcd signature after decompression")
    }
    return String(decoding: inflated.dropFirst(signature.count), as: UTF8.self)
  }

  /// The text with a blank line after each sentence, so that the audit
  /// reads each as a block of its own. Pagefind joins a page's blocks (its
  /// paragraphs, list items, table cells, headings) into one line, ending
  /// each with punctuation: read as one text, eight words across two cells
  /// of a public table could be eight words of an exempt report, where the
  /// page itself, read by its blocks, has no such run. Splitting at every
  /// sentence end (`. ! ? : ;` or a lone dash, then a space) keeps every
  /// block apart; a run of eight words within a sentence is still found.
  static func sentences(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    out.reserveCapacity(text.unicodeScalars.count)
    var previous: Unicode.Scalar = " "
    var beforePrevious: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
      let endsSentence = ".!?:;".unicodeScalars.contains(previous) || ("-–—".unicodeScalars.contains(previous) && beforePrevious == " ")
      if scalar == " " && endsSentence {
        out.append(contentsOf: "\n\n".unicodeScalars)
      } else {
        out.append(scalar)
      }
      beforePrevious = previous
      previous = scalar
    }
    return String(out)
  }

  /// A compressed file as Pagefind writes it, from its text: the inverse
  /// of `text(of:)` (for tests that plant text in an index).
  public static func encode(_ text: String) -> Data {
    Gzip.compress(signature + Data(text.utf8))
  }
}
