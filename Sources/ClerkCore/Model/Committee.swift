/// A committee from `<committee>/committee.yml`.
public struct Committee: Sendable {
  public var slug: String
  public var name: String
  public var members: [CommitteeMember]
  public var clerk: Contact?

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
