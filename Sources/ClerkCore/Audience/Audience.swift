/// Who a rendered tree is for.
public enum Audience: String, Sendable, CaseIterable {
  /// Anyone: the site and packs published to the world.
  case `public`
  /// Members and officers: everything.
  case nonPublic = "non-public"
}

extension MeetingPlan {
  /// The plan as `audience` may see it. For `.public` the exempt parts are
  /// *removed* from the value — bodies, authors, appendices, non-public
  /// minutes, slugs taken from file names — so a renderer cannot leak what
  /// it never receives. A draft meeting has no public plan at all.
  public func narrowed(to audience: Audience) -> MeetingPlan? {
    switch audience {
    case .nonPublic:
      var plan = self
      plan.audience = .nonPublic
      return plan
    case .public:
      guard status.isPublished else { return nil }
      var plan = self
      plan.audience = .public
      plan.nonPublicMinutes = nil
      plan.items = items.map { $0.narrowedToPublic() }
      // Keep only slugs that public text itself names in an `item:` link.
      var named = Set(plan.items.compactMap(\.slug))
      for item in plan.items {
        let documents = [item.summary, item.exemptReason, item.content?.body, item.content?.embeddedMinutes?.minutes.body]
        for link in documents.compactMap({ $0 }).flatMap(\.links) where link.url.hasPrefix("item:") {
          named.insert(String(link.url.dropFirst(5)))
        }
      }
      for link in (plan.minutes?.body.links ?? []) where link.url.hasPrefix("item:") {
        named.insert(String(link.url.dropFirst(5)))
      }
      plan.numbersBySlug = numbersBySlug.filter { named.contains($0.key) }
      return plan
    }
  }
}

extension PlannedItem {
  func narrowedToPublic() -> PlannedItem {
    var item = self
    item.crossReferences = crossReferences.map { reference in
      var reference = reference
      if reference.targetAccess == .exempt { reference.targetSlug = nil }
      return reference
    }
    switch access {
    case .exempt:
      item.content = nil
      item.slug = nil
      item.path = nil
    case .public:
      // Defence in depth: a public item never carries non-public minutes.
      if item.content?.embeddedMinutes?.minutes.access == .exempt {
        item.content?.embeddedMinutes = nil
      }
    }
    return item
  }
}
