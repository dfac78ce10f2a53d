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
    let crumbs: [[String: Any]] = breadcrumbs.map { crumb in
      var entry: [String: Any] = ["title": crumb.title]
      if let target = crumb.path { entry["href"] = SiteLayout.relative(from: path, to: target) }
      return entry
    }
    return [
      "title": title,
      "organisation": organisation,
      "root": SiteLayout.root(from: path),
      "homeHref": SiteLayout.relative(from: path, to: SiteLayout.index),
      "stylesheet": SiteLayout.relative(from: path, to: SiteLayout.stylesheet),
      "breadcrumbs": crumbs,
      "hasBreadcrumbs": !crumbs.isEmpty,
      "nonPublic": audience == .nonPublic,
      "audienceLabel": audience == .nonPublic
        ? "Non-public: for members and officers only. Do not forward or publish."
        : "",
    ]
  }
}

extension Contact {
  /// The keys that differ between the two trees; fragments never see them.
  static let audienceKeys: Set<String> = ["nonPublic", "audienceLabel"]

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
