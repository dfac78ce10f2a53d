import ArgumentParser
import ClerkCore
import ClerkRender
import Foundation

/// Options shared by the commands that read a content tree.
struct ContentOptions: ParsableArguments {
  @Argument(help: "The content folder.", completion: .directory)
  var content: String = "Content"

  @Option(name: .customLong("today"), help: .hidden)
  var today: String?

  @Flag(
    name: .long,
    help: "Also warn where 14 or more words of non-public text appear in a public source of a published meeting (slower: off by default).")
  var findPasted = false

  func validate() throws {
    if let today, CalendarDate(iso: today) == nil {
      throw ValidationError("--today must be a date written YYYY-MM-DD")
    }
  }

  /// The day checks and pages are relative to: `--today`, else
  /// `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else today in UTC.
  var todayDate: CalendarDate { Self.today(today) }

  /// `given` (`--today`), else `SOURCE_DATE_EPOCH`, else today in UTC.
  static func today(_ given: String?) -> CalendarDate {
    if let given, let date = CalendarDate(iso: given) { return date }
    var seconds = Date().timeIntervalSince1970
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
      seconds = epoch
    }
    return CalendarDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
  }

  /// `override` (`--templates`), then `templates:` in site.yml, then
  /// `./Templates`, then the Templates folder of the source tree the binary
  /// was built from.
  func templateFolder(site: Site, override: String? = nil) throws -> String {
    if let override { return override }
    if let folder = site.templates { return content + "/" + folder }
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: "Templates/site") { return "Templates" }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("Templates")
      if fileManager.fileExists(atPath: candidate.appendingPathComponent("site").path) { return candidate.path }
      folder.deleteLastPathComponent()
    }
    throw TemplateSet.Problem(path: "Templates", line: 1, column: 1, message: "no templates found; pass --templates DIR")
  }
}
