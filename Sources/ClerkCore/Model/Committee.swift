/// A committee from `<committee>/committee.yml`.
public struct Committee: Sendable {
  public var slug: String
  public var name: String
  public var members: [CommitteeMember]
  public var clerk: Contact?
  /// Defaults for `clerk new meeting`.
  public var time: String?
  public var venue: String?
  public var standingItems: [StandingItem] = []

  public init(slug: String, name: String, members: [CommitteeMember] = [], clerk: Contact? = nil) {
    self.slug = slug
    self.name = name
    self.members = members
    self.clerk = clerk
  }
}

public struct CommitteeMember: Hashable, Sendable {
  public var name: String
  /// "Chairman", "Deputy Chairman" …; printed in brackets on the front sheet.
  public var role: String?
  public init(name: String, role: String? = nil) {
    self.name = name
    self.role = role
  }
}

/// An item every meeting of a committee starts with (`standing-items`).
public struct StandingItem: Sendable, Equatable {
  public var slug: String
  /// Its front matter as YAML, every key but `slug` (and `minutes-of:
  /// previous`), in the order written.
  public var frontMatter: String
  /// `minutes-of: previous`: bind in the minutes of the meeting before.
  public var minutesOfPrevious: Bool
  /// `access: exempt`: its `minutes-of` binds in the non-public minutes.
  public var isExempt = false

  public init(slug: String, frontMatter: String, minutesOfPrevious: Bool = false) {
    self.slug = slug
    self.frontMatter = frontMatter
    self.minutesOfPrevious = minutesOfPrevious
  }
}
