import ClerkCore
import ClerkRender
import Foundation

/// The digests an incremental build compares with the previous build's:
/// one for what every meeting's pages depend on (`site`), and one per
/// meeting (`key(of:references:)`) for everything that meeting's outputs read.
struct BuildInputs: Sendable {
  /// The clerk binary, the options that change output, `site.yml`, every
  /// committee's `committee.yml`, the templates, the PDF engine: a change to
  /// any of them renders every meeting again.
  let site: String
  let root: String

  /// The format of the record: a clerk that reads it differently renders everything.
  static let format = "clerk-incremental 1"

  init(index: ArchiveIndex, templates: String, pdfEngine: String?) {
    var digest = InputDigest()
    digest.add(Self.format)
    digest.add(file: Self.executable)
    root = index.root
    digest.add(root)
    digest.add("pdf " + (pdfEngine ?? "none"))
    digest.add(file: index.root + "/site.yml")
    for committee in index.committees.map(\.slug).sorted() {
      digest.add("committee " + committee)
      digest.add(file: index.root + "/" + committee + "/committee.yml")
    }
    digest.add("templates " + templates)
    InputTree.add(templates, into: &digest)
    site = digest.hex
  }

  /// The running clerk binary: its own version, to the byte.
  static var executable: String {
    #if os(Linux)
      return "/proc/self/exe"
    #else
      return Bundle.main.executablePath ?? CommandLine.arguments[0]
    #endif
  }

  /// A meeting's key: `site`, every file under the meeting's folder, and
  /// for each meeting it names — the minutes it binds in (`minutes-of`, as
  /// its files spell it, and `references`, from its last plan), every
  /// `meeting:` link in its files or in those minutes — whether that
  /// meeting is in the index, its `meeting.yml` and its minutes. Also the
  /// meetings it names, so the build can check that its plan bound in no
  /// others.
  func key(of entry: MeetingEntry, index: ArchiveIndex, references: [String]) -> (key: String, names: Set<String>) {
    var digest = InputDigest()
    digest.add(site)
    digest.add(entry.id.path)
    var named = Set(references)
    InputTree.add(root + "/" + entry.id.path, into: &digest) { data in
      named.formUnion(InputTree.meetingLinks(in: data))
      named.formUnion(InputTree.minutesOf(in: data, committee: entry.id.committee))
    }
    var linked = Set<String>()
    for path in named.sorted() where Self.isMeetingPath(path) {
      for name in ["minutes.md", "minutes.non-public.md"] {
        if let data = FileManager.default.contents(atPath: root + "/" + path + "/" + name) {
          linked.formUnion(InputTree.meetingLinks(in: data))
        }
      }
    }
    named.formUnion(linked)
    for path in named.sorted() {
      digest.add("names " + path)
      guard Self.isMeetingPath(path) else {
        digest.add("not a meeting")
        continue
      }
      let parts = path.split(separator: "/")
      let id = MeetingID(committee: String(parts[0]), folder: String(parts[1]))
      digest.add(index.entry(id) != nil ? "in the index" : index.unloadedMeetings.contains(id) ? "unloaded" : "absent")
      for name in ["meeting.yml", "minutes.md", "minutes.non-public.md"] {
        digest.add(file: root + "/" + path + "/" + name)
      }
    }
    return (digest.hex, named)
  }

  /// `<committee>/<folder>`, with no way out of the content folder.
  static func isMeetingPath(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
  }
}
