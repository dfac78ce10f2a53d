extension MeetingLoader {
  /// Only what is non-public in a meeting folder, read without the rest,
  /// for the audit's first, cheap pass over the whole archive (`PastedText`):
  /// its exempt items (an item file whose front matter never says
  /// "exempt" cannot be one, and is not parsed) and its non-public minutes.
  public func loadNonPublicParts(_ entry: MeetingEntry) -> LoadedMeeting {
    var ignored = Diagnostics()
    var meeting = Meeting(id: entry.id, date: entry.date, time: entry.time, venue: entry.venue, status: .published)
    var sources = MeetingSources()
    let folder = entry.id.path
    for name in files.list(folder) {
      let path = folder + "/" + name
      guard case .file = files.kind(path) else { continue }
      if name == "minutes.non-public.md" {
        meeting.nonPublicMinutes = loadMinutes(path, meeting: entry.id, access: .exempt, into: &sources, &ignored)
      } else if let (order, slug) = Self.parseItemName(name), let text = try? files.readText(path),
        let split = FrontMatter.split(text, path: path, &ignored), split.yaml?.contains("exempt") == true,
        let (item, source) = readItem(text, path: path, order: order, slug: slug, &ignored), item.access == .exempt
      {
        meeting.items.append(item)
        sources.items[path] = source
      }
    }
    return LoadedMeeting(meeting: meeting, sources: sources)
  }
}
