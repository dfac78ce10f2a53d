import ClerkAudit
import ClerkCore
import Foundation

/// Audits what no meeting's audit read (index and committee pages, feeds,
/// assets, every file name). Any leak, or any file the audit could not
/// read, fails the build: nothing is published.
struct AuditTree: BuildStep {
  func title(_ context: BuildContext) -> String {
    "Audit the archive pages, files and names"
  }

  func run(_ context: BuildContext) throws {
    let (tree, audit) = (context.tree!, context.audit!)
    let found = Array(Set(context.leaks + audit.auditRest(root: tree.temporary))).sorted()
    try Self.fail(on: found, gaps: audit.gaps.all, context)
  }

  /// Reports every leak and every unread file, then stops the build if
  /// there was any.
  static func fail(on found: [LeakScanner.Leak], gaps: [String], _ context: BuildContext) throws {
    let out = context.options.out
    for leak in found { context.diagnostics.append(Diagnostic(.error, leak.description)) }
    for gap in gaps { context.diagnostics.append(Diagnostic(.error, "cannot audit \(gap)")) }
    if !found.isEmpty {
      throw BuildFailure(
        summary: "build failed: the audit found \(Plural.count(found.count, "leak")) of non-public text in public/; nothing was published and '\(out)' is untouched")
    }
    if !gaps.isEmpty {
      throw BuildFailure(
        summary: "build failed: the audit could not read \(Plural.count(gaps.count, "file")), so public/ cannot be called clean; nothing was published and '\(out)' is untouched")
    }
  }
}
