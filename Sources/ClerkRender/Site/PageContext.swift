import ClerkCore

/// What every page's layout needs: where the root is, the breadcrumbs, and
/// which audience the tree is for.
struct PageContext {
  var path: String
  var title: String
  var breadcrumbs: [(title: String, path: String?)]
  var audience: Audience
  var organisation: String

  /// The keys that differ between the two trees; fragments never see them.
  static let audienceKeys: Set<String> = ["nonPublic", "audienceLabel"]

  func dictionary() -> [String: Any] {
    // The trail of links, then the page itself (the crumb without a link).
    let crumbs: [[String: Any]] = breadcrumbs.compactMap { crumb in
      crumb.path.map { ["title": crumb.title, "href": SiteLayout.relative(from: path, to: $0)] }
    }
    let current = breadcrumbs.first { $0.path == nil }?.title
    var page: [String: Any] = [
      "title": title,
      "organisation": organisation,
      "root": SiteLayout.root(from: path),
      "homeHref": SiteLayout.relative(from: path, to: SiteLayout.index),
      "stylesheet": SiteLayout.relative(from: path, to: SiteLayout.stylesheet),
      "feedHref": SiteLayout.relative(from: path, to: SiteLayout.feed),
      "accessibilityHref": SiteLayout.relative(from: path, to: SiteLayout.accessibility),
      "searchHref": SiteLayout.relative(from: path, to: SiteLayout.search),
      "breadcrumbs": crumbs,
      "hasBreadcrumbs": !breadcrumbs.isEmpty,
      "nonPublic": audience == .nonPublic,
      "audienceLabel": audience == .nonPublic
        ? "Non-public: for members and officers only. Do not forward or publish."
        : "",
    ]
    if let current { page["currentPage"] = current }
    return page
  }
}

extension Contact {
  func dictionary() -> [String: Any] {
    var entry: [String: Any] = ["name": name]
    if let role { entry["role"] = role }
    if let phone {
      entry["phone"] = phone
      entry["phoneHref"] = "tel:" + phone.filter { $0.isNumber || $0 == "+" }
    }
    if let email {
      entry["email"] = email
      entry["emailHref"] = "mailto:" + email
    }
    return entry
  }
}

extension Committee {
  func membersList() -> [[String: Any]] {
    members.map { member in
      var entry: [String: Any] = ["name": member.name]
      if let role = member.role { entry["role"] = role }
      return entry
    }
  }
}
