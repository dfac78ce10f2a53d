import Foundation

/// What a build records beside `public/` and `non-public/`
/// (`clerk-build.json`): the content it was built from, the templates whose
/// text is public, and the fingerprint of the content's non-public set, so
/// `clerk audit` audits against that content and no other.
public struct BuildRecord: Codable, Equatable, Sendable {
  public static let fileName = "clerk-build.json"

  /// The content folder, absolute.
  public var content: String
  /// The templates folder, absolute.
  public var templates: String?
  /// `NonPublicFingerprint.value` of the content when it was built.
  public var nonPublicFingerprint: String
  /// A digest of what each meeting's pack was made from, by meeting path
  /// (`clerk check --build` shows the PDFs' page numbers only while it holds).
  public var packSources: [String: String]?

  public init(content: String, templates: String?, nonPublicFingerprint: String, packSources: [String: String]? = nil) {
    self.content = content
    self.templates = templates
    self.nonPublicFingerprint = nonPublicFingerprint
    self.packSources = packSources
  }

  enum CodingKeys: String, CodingKey {
    case content
    case templates
    case nonPublicFingerprint = "non-public-fingerprint"
    case packSources = "pack-sources"
  }

  /// Pretty, sorted JSON: the same build writes the same bytes.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
  }

  /// The record of the build in `directory`, or why there is none.
  public static func read(build directory: String) -> Result<BuildRecord, RecordProblem> {
    let path = directory + "/" + fileName
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(RecordProblem(message: "'\(path)' is missing, so the content '\(directory)' was built from is unknown; rebuild it with this version of clerk"))
    }
    do {
      return .success(try JSONDecoder().decode(BuildRecord.self, from: data))
    } catch {
      return .failure(RecordProblem(message: "'\(path)' cannot be read (\(error.localizedDescription)); rebuild it"))
    }
  }

  public struct RecordProblem: Error {
    public var message: String
  }
}
