import ClerkCore

extension ArchiveIndex {
  /// Addresses and numbers every tree publishes (each committee clerk's,
  /// the accessibility statement's): never a leak, even where an exempt
  /// item's author shares one.
  var publicContactValues: [String] {
    let clerks = committees.flatMap { [$0.clerk?.email, $0.clerk?.phone] }
    return (clerks + [site.accessibility.email, site.accessibility.phone]).compactMap { $0 }
  }
}
