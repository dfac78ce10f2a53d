import ClerkCore

/// An output made from one meeting's plan, already narrowed to the tree it
/// is written to (`MeetingPages.plan`): the public plan has no exempt
/// content to render, whatever the output does.
protocol MeetingOutput: Sendable {
  /// The trees it is written to; each gets the plan narrowed to its audience.
  var audiences: Set<Audience> { get }
  /// What it writes (and so how its template escapes values).
  var format: TemplateFormat { get }
  func render(_ pages: MeetingPages) throws(TemplateSet.Problem) -> [OutputFile]
}

extension MeetingOutput {
  var audiences: Set<Audience> { [.public, .nonPublic] }
  var format: TemplateFormat { .html }
}

/// Every per-meeting output, in one list: adding one is a new type here (or
/// in a file of its own), an entry in `all`, and its template.
enum MeetingOutputs {
  static let all: [any MeetingOutput] = [MeetingPage(), ItemPages(), Packs(), MinutesPages(), MeetingJSON()]

  /// `<meeting>/index.html`: front sheet and agenda.
  struct MeetingPage: MeetingOutput {
    func render(_ pages: MeetingPages) throws(TemplateSet.Problem) -> [OutputFile] {
      [OutputFile(path: SiteLayout.meeting(pages.id), text: try pages.renderMeetingPage())]
    }
  }

  /// `<meeting>/item-N.html` for every item, and the files each publishes.
  struct ItemPages: MeetingOutput {
    func render(_ pages: MeetingPages) throws(TemplateSet.Problem) -> [OutputFile] {
      let items = pages.plan.items
      var files: [OutputFile] = []
      for (offset, item) in items.enumerated() {
        let previous = offset > 0 ? items[offset - 1] : nil
        let next = offset + 1 < items.count ? items[offset + 1] : nil
        files.append(
          OutputFile(
            path: SiteLayout.item(pages.id, number: item.number),
            text: try pages.renderItemPage(item, previous: previous, next: next)))
        files += pages.publishedFiles(of: item)
      }
      return files
    }
  }

  /// `pack.html` and `supplement-N.html` (the PDF step prints them).
  struct Packs: MeetingOutput {
    func render(_ pages: MeetingPages) throws(TemplateSet.Problem) -> [OutputFile] {
      try PackPages(pages: pages).render()
    }
  }

  /// `minutes.html`, and `minutes-non-public.html` in the non-public tree.
  struct MinutesPages: MeetingOutput {
    func render(_ pages: MeetingPages) throws(TemplateSet.Problem) -> [OutputFile] {
      var files: [OutputFile] = []
      if let minutes = pages.plan.minutes {
        let path = SiteLayout.minutes(pages.id)
        files.append(OutputFile(path: path, text: try pages.renderMinutesPage(minutes, path: path)))
      }
      if let minutes = pages.plan.nonPublicMinutes, pages.plan.audience == .nonPublic {
        let path = SiteLayout.nonPublicMinutes(pages.id)
        files.append(OutputFile(path: path, text: try pages.renderMinutesPage(minutes, path: path)))
      }
      return files
    }
  }
}
