/// `accessibility:` in `site.yml`: who to tell about an accessibility
/// problem or ask for another format, and when the statement was written
/// and last reviewed. Every field is optional; the statement says what a
/// reader can do without them (`docs/content-format.md`).
public struct AccessibilityContact: Hashable, Sendable {
  public var email: String?
  public var phone: String?
  /// The day the statement was first prepared.
  public var prepared: CalendarDate?
  /// The day it was last reviewed.
  public var reviewed: CalendarDate?

  public init(email: String? = nil, phone: String? = nil, prepared: CalendarDate? = nil, reviewed: CalendarDate? = nil) {
    self.email = email
    self.phone = phone
    self.prepared = prepared
    self.reviewed = reviewed
  }
}
