/// The day a meeting's agenda must be published by: five clear working
/// days before it (neither day counting; weekends, the site's bank holidays
/// and closure days not counting), and whether `published:` meets it.
public struct PublicationDeadline: Sendable, Equatable {
  /// England: five clear days (s100B LGA 1972), counted as working days
  /// (R v Swansea CC ex p Elitestone).
  public static let clearDaysRequired = 5

  public enum Standing: Sendable, Equatable {
    /// No `published:` date yet.
    case notPublished
    /// Published on or before the deadline.
    case onTime(CalendarDate)
    /// Published after it, leaving this many clear working days.
    case late(CalendarDate, clearDays: Int)
    /// Published after the meeting itself.
    case afterTheMeeting(CalendarDate)
  }

  public var meeting: CalendarDate
  public var publishBy: CalendarDate
  public var standing: Standing

  public init(meeting: CalendarDate, published: CalendarDate?, workingDays: WorkingDays) {
    self.meeting = meeting
    publishBy = workingDays.latestPublication(for: meeting, clearDays: Self.clearDaysRequired)
    guard let published else {
      standing = .notPublished
      return
    }
    if published > meeting {
      standing = .afterTheMeeting(published)
    } else if published <= publishBy {
      standing = .onTime(published)
    } else {
      standing = .late(published, clearDays: workingDays.clearDays(from: published, to: meeting))
    }
  }

  /// Calendar days from `today` to the deadline; negative once it has passed.
  public func daysLeft(from today: CalendarDate) -> Int {
    publishBy.dayNumber - today.dayNumber
  }
}
