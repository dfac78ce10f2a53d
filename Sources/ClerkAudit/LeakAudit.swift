import ClerkCore

/// The whole audit: index the content's non-public text, scan `DIR/public`.
public enum LeakAudit {
  /// Loads every meeting of the archive into a leak index.
  public static func index(_ archive: ArchiveIndex, templates: String?) -> LeakIndex {
    let builder = LeakIndexBuilder(root: archive.root, site: archive.site, templates: templates)
    builder.addPublicValues(archive.publicContactValues)
    let loader = MeetingLoader(index: archive)
    ParallelWork.run(count: archive.meetings.count, width: 4) { offset in
      builder.add(loader.loadMeeting(archive.meetings[offset]).0)
    }
    return builder.finish()
  }
}
