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
  /// The content files' facts, read once (and from the last build's record where unchanged).
  let facts: ContentFacts
  /// The clerk binary's digest, for the next build.
  let executable: ExecutableDigest?

  /// The format of the record: a clerk that reads it differently renders everything.
  static let format = "clerk-incremental 1"

  init(
    index: ArchiveIndex, templates: String, pdfEngine: String?, facts: ContentFacts = ContentFacts(),
    executable: ExecutableDigest? = ExecutableDigest.of(known: nil, trustedBefore: 0)
  ) {
    self.facts = facts
    self.executable = executable
    var digest = InputDigest()
    digest.add(Self.format)
    // A binary that cannot be read matches no earlier build.
    digest.add(executable.map { "clerk " + $0.sha256 } ?? "clerk unreadable " + UUID().uuidString)
    root = index.root
    digest.add(root)
    digest.add("pdf " + (pdfEngine ?? "none"))
    Self.add(index.root + "/site.yml", into: &digest, facts: facts)
    for committee in index.committees.map(\.slug).sorted() {
      digest.add("committee " + committee)
      Self.add(index.root + "/" + committee + "/committee.yml", into: &digest, facts: facts)
    }
    digest.add("templates " + templates)
    InputTree.add(templates, into: &digest, facts: facts)
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
    InputTree.add(root + "/" + entry.id.path, into: &digest, facts: facts) { found in
      named.formUnion(found.links)
      named.formUnion(found.minutesOf.map { InputTree.meeting(minutesOf: $0, committee: entry.id.committee) })
    }
    var linked = Set<String>()
    for path in named.sorted() where Self.isMeetingPath(path) {
      for name in ["minutes.md", "minutes.non-public.md"] {
        if let found = facts.facts(of: root + "/" + path + "/" + name) { linked.formUnion(found.links) }
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
        Self.add(root + "/" + path + "/" + name, into: &digest, facts: facts)
      }
    }
    return (digest.hex, named)
  }

  /// A file's SHA-256, or a mark that there is no readable file at `path`.
  static func add(_ path: String, into digest: inout InputDigest, facts: ContentFacts) {
    if let found = facts.facts(of: path) {
      digest.add("file")
      digest.add(bytes: found.sha256)
    } else {
      digest.add("absent")
    }
  }

  /// `<committee>/<folder>`, with no way out of the content folder.
  static func isMeetingPath(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
  }
}
