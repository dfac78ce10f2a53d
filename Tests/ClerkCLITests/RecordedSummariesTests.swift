import ClerkCore
import ClerkRender
import Foundation
import Testing

@testable import ClerkBuild

/// A meeting's summaries made by this build are listed as they are, not
/// decoded from their bytes; either way the archive outputs get the same.
@Suite struct RecordedSummariesTests {
  /// One meeting's public summary from the example archive's record.
  static let summaryJSON = #"""
    {"agenda": [{"number": "1", "title": "Apologies for Absence"}, {"number": "2", "title": "Declarations of Interest"}, {"number": "3", "title": "Minutes"}, {"number": "4", "title": "Head of Internal Audit's Annual Report and Opinion 2024/25"}, {"number": "5", "title": "Draft Annual Governance Statement 2024/25"}, {"number": "6", "title": "Treasury Management Outturn Report 2024/25"}, {"number": "7", "title": "Any Other Business that the Chairman Considers Urgent"}, {"number": "8", "title": "Exclusion of the Public"}, {"number": "9", "title": "Procurement Fraud Investigation – Outcome"}], "bindsMinutesOf": [], "date": {"day": 18, "month": 6, "year": 2025}, "hasMinutes": true, "hasPackPDF": false, "id": {"committee": "audit-and-governance", "folder": "2025-06-18"}, "itemCount": 9, "packs": [{"appendices": ["appendix-5-1"], "html": "audit-and-governance/2025-06-18/pack.html", "items": [{"base": 4, "letter": 0}, {"base": 5, "letter": 0}, {"base": 6, "letter": 0}, {"base": 9, "letter": 0}], "pdf": "audit-and-governance/2025-06-18/pack.pdf"}], "pages": ["audit-and-governance/2025-06-18/index.html", "audit-and-governance/2025-06-18/item-1.html", "audit-and-governance/2025-06-18/item-2.html", "audit-and-governance/2025-06-18/item-3.html", "audit-and-governance/2025-06-18/item-4.html", "audit-and-governance/2025-06-18/item-5.html", "audit-and-governance/2025-06-18/item-6.html", "audit-and-governance/2025-06-18/item-7.html", "audit-and-governance/2025-06-18/item-8.html", "audit-and-governance/2025-06-18/item-9.html", "audit-and-governance/2025-06-18/minutes.html", "audit-and-governance/2025-06-18/pack.html"], "published": {"day": 10, "month": 6, "year": 2025}, "revisions": [{"date": {"day": 20, "month": 1, "year": 2026}, "note": "Item 9 released: its exemption lapsed when the criminal proceedings ended."}], "status": "published", "time": "18:00", "venue": "Committee Room 2, Wexley Vale Civic Centre, Market Street, Wexley WV1 2AB"}
    """#

  func encoded(_ summaries: [MeetingSummary]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(summaries)
  }

  @Test func madeSummariesListAsTheirBytesDecode() throws {
    let summary = try JSONDecoder().decode(MeetingSummary.self, from: Data(Self.summaryJSON.utf8))
    var other = summary
    other.id = MeetingID(committee: other.id.committee, folder: "2025-07-01")
    other.venue = "Council Chamber – “upstairs”"
    other.pages = []
    let made = [summary.id: RecordedSummaries(public: summary, nonPublic: other), other.id: RecordedSummaries(public: nil, nonPublic: other)]
    let read = made.mapValues { summaries in RecordedSummaries(json: summaries.json) }
    #expect(made.values.allSatisfy { $0.made != nil } && read.values.allSatisfy { $0.made == nil })
    #expect(made == read)
    let ids = [other.id, summary.id]
    let fromMade = try #require(RecordedSummaries.lists(ids, made))
    let fromBytes = try #require(RecordedSummaries.lists(ids, read))
    #expect(fromMade.public.count == 1 && fromMade.nonPublic.count == 2)
    #expect(try encoded(fromMade.public) == encoded(fromBytes.public))
    #expect(try encoded(fromMade.nonPublic) == encoded(fromBytes.nonPublic))
  }
}
