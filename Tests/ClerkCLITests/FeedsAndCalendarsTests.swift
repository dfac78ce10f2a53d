import Foundation
import TestSupport
import Testing

/// The feeds and calendars of a built archive, read by the parsers
/// subscribers use (feedparser, icalendar, from `.venv-test`), and
/// rebuilt byte for byte.
@Suite struct FeedsAndCalendarsTests {
  /// A committee with minutes bound in by a later agenda, a revision, an
  /// exempt item, a meeting with no `published:` date, a cancelled meeting
  /// and a draft (in summer time).
  static let archive = InlineTree.oneMeeting + """

    published: 2020-01-31
    revisions:
      - { date: 2020-02-12, note: "Item 2 corrected." }
    """ + "\n" + InlineTree.previousMeetingMinutes + """

    The committee met and agreed the budget.
    -- c/2020-02-10/01-minutes.md --
    ---
    title: Minutes
    minutes-of: 2019-11-25
    ---
    -- c/2020-02-10/02-budget.md --
    ---
    title: Budget & Fees, 2020
    ---
    The budget report.
    -- c/2020-02-10/03-contract.md --
    ---
    title: Leisure Contract
    access: exempt
    exempt-paragraphs: [3]
    ---
    CANARYFEED the bidders offered prices that the panel discussed in private session.
    -- c/2020-03-09/meeting.yml --
    date: 2020-03-09
    time: "11:00"
    venue: Guildhall
    status: cancelled
    published: 2020-02-28
    -- c/2020-03-09/01-apologies.md --
    ---
    title: Apologies
    ---
    -- c/2020-04-20/meeting.yml --
    date: 2020-04-20
    time: "11:00"
    venue: Guildhall
    -- c/2020-04-20/01-apologies.md --
    ---
    title: Apologies
    ---
    """

  static let files = ["feed.atom", "c/feed.atom", "calendar.ics", "c/calendar.ics"]

  /// Reads every feed and calendar of both trees under `argv[1]` and prints what the parsers saw, as JSON.
  static let reader = """
    import json, sys, feedparser, icalendar
    out, result = sys.argv[1], {}
    for tree in ("public", "non-public"):
        for path in ("feed.atom", "c/feed.atom"):
            f = feedparser.parse(f"{out}/{tree}/{path}")
            result[f"{tree}/{path}"] = {
                "bozo": int(f.bozo), "problem": str(f.get("bozo_exception", "")),
                "id": f.feed.get("id"), "updated": f.feed.get("updated"),
                "links": sorted(link.href for link in f.feed.links),
                "entries": [{"id": e.id, "updated": e.updated, "link": e.link, "title": e.title} for e in f.entries]}
        for path in ("calendar.ics", "c/calendar.ics"):
            with open(f"{out}/{tree}/{path}", "rb") as file:
                calendar = icalendar.Calendar.from_ical(file.read())
            result[f"{tree}/{path}"] = {
                "timezones": [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")],
                "events": [{
                    "uid": str(event["UID"]), "status": str(event["STATUS"]),
                    "tzid": event["DTSTART"].params.get("TZID"), "start": event.decoded("DTSTART").isoformat(),
                    "sequence": int(event["SEQUENCE"]), "summary": str(event["SUMMARY"]),
                    "location": str(event["LOCATION"]), "url": str(event["URL"]),
                    "description": str(event["DESCRIPTION"])} for event in calendar.walk("VEVENT")]}
    print(json.dumps(result))
    """

  static var python: URL { repositoryRoot.appendingPathComponent(".venv-test/bin/python") }

  func build(_ tree: InlineTree, _ out: URL) throws {
    let output = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--today", "2020-01-01", "--quiet", "--no-pdf"])
    #expect(output.status == 0, "\(output.stderr)")
  }

  /// What the parsers read from each file, by `<tree>/<path>`.
  func parsed(_ out: URL) throws -> [String: [String: Any]] {
    let json = try toolOutput(Self.python.path, ["-c", Self.reader, out.path])
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]]
    return try #require(object, "the parsers printed no JSON: \(json)")
  }

  func entries(_ feed: [String: Any]?) -> [[String: Any]] { feed?["entries"] as? [[String: Any]] ?? [] }
  func events(_ calendar: [String: Any]?) -> [[String: Any]] { calendar?["events"] as? [[String: Any]] ?? [] }

  @Test func realParsersReadTheFeedsAndCalendars() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.python.path),
      "\(Self.python.path) is missing: run `make test-setup` to install the feed and calendar parsers")
    let tree = try InlineTree(Self.archive)
    defer { tree.remove() }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("first")
    try build(tree, first)
    let read = try parsed(first)

    for name in ["public/feed.atom", "public/c/feed.atom", "non-public/feed.atom", "non-public/c/feed.atom"] {
      #expect(read[name]?["bozo"] as? Int == 0, "\(name): \(read[name]?["problem"] ?? "not read")")
    }
    let feed = read["public/feed.atom"]
    #expect(feed?["id"] as? String == "https://example.org/feed.atom")
    #expect(feed?["updated"] as? String == "2020-02-28T00:00:00Z")
    #expect(feed?["links"] as? [String] == ["https://example.org/", "https://example.org/feed.atom"])
    let tag = "tag:example.org,"
    #expect(
      entries(feed).map { $0["id"] as? String } == [
        tag + "2020-03-09:c/2020-03-09/agenda",
        tag + "2020-02-10:c/2020-02-10/revision-1",
        // Bound into the agenda published on 31 January; the tie goes by id.
        tag + "2019-11-25:c/2019-11-25/minutes",
        tag + "2020-02-10:c/2020-02-10/agenda",
        tag + "2019-11-25:c/2019-11-25/agenda",
      ])
    #expect(
      entries(feed).map { $0["updated"] as? String } == [
        "2020-02-28T00:00:00Z", "2020-02-12T00:00:00Z", "2020-01-31T00:00:00Z", "2020-01-31T00:00:00Z",
        "2019-11-25T00:00:00Z",
      ])
    #expect(
      entries(feed).map { $0["link"] as? String } == [
        "https://example.org/c/2020-03-09/index.html", "https://example.org/c/2020-02-10/index.html#revisions",
        "https://example.org/c/2019-11-25/minutes.html", "https://example.org/c/2020-02-10/index.html",
        "https://example.org/c/2019-11-25/index.html",
      ])
    #expect(entries(feed).first?["title"] as? String == "Agenda: Test Committee, Monday 9 March 2020 (cancelled)")
    #expect(entries(read["public/c/feed.atom"]).count == 5)
    // The draft published nothing, so it is in no feed.
    #expect(entries(read["non-public/feed.atom"]).count == 5)

    for name in ["public/calendar.ics", "public/c/calendar.ics", "non-public/calendar.ics"] {
      #expect(read[name]?["timezones"] as? [String] == ["Europe/London"], "\(name)")
    }
    let calendar = events(read["public/calendar.ics"])
    #expect(calendar.map { $0["uid"] as? String } == ["c/2019-11-25@example.org", "c/2020-02-10@example.org", "c/2020-03-09@example.org"])
    #expect(calendar.map { $0["status"] as? String } == ["CONFIRMED", "CONFIRMED", "CANCELLED"])
    #expect(calendar.allSatisfy { $0["tzid"] as? String == "Europe/London" })
    #expect(calendar.map { $0["start"] as? String } == ["2019-11-25T11:00:00+00:00", "2020-02-10T11:00:00+00:00", "2020-03-09T11:00:00+00:00"])
    #expect(calendar.map { $0["sequence"] as? Int } == [0, 1, 0])
    let february = calendar.first { $0["uid"] as? String == "c/2020-02-10@example.org" }
    #expect(february?["location"] as? String == "Guildhall")
    #expect(february?["url"] as? String == "https://example.org/c/2020-02-10/index.html")
    #expect(
      february?["description"] as? String
        == "Agenda:\n1. Minutes\n2. Budget & Fees, 2020\n3. Exclusion of the Public\n4. Leisure Contract\n\nhttps://example.org/c/2020-02-10/index.html")
    // The non-public calendar adds the draft, tentatively, in summer time.
    let draft = events(read["non-public/c/calendar.ics"]).first { $0["uid"] as? String == "c/2020-04-20@example.org" }
    #expect(draft?["status"] as? String == "TENTATIVE")
    #expect(draft?["start"] as? String == "2020-04-20T11:00:00+01:00")

    // A rebuild keeps every UID, and every byte.
    let second = folder.appendingPathComponent("second")
    try build(tree, second)
    let again = try parsed(second)
    #expect(events(again["public/calendar.ics"]).map { $0["uid"] as? String } == calendar.map { $0["uid"] as? String })
    for name in Self.files {
      for subtree in ["public/", "non-public/"] {
        let a = try Data(contentsOf: first.appendingPathComponent(subtree + name))
        let b = try Data(contentsOf: second.appendingPathComponent(subtree + name))
        #expect(a == b, "\(subtree)\(name) differs between two builds")
      }
    }
    // Nothing of the exempt report reaches a public feed or calendar.
    let published = TreeSnapshot(first.appendingPathComponent("public"))
    #expect(published.mentions("CANARYFEED").isEmpty)
    #expect(!TreeSnapshot(first.appendingPathComponent("non-public")).mentions("CANARYFEED").isEmpty)
  }
}
