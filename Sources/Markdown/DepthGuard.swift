/// Refuses trees nested deeper than the limit, before any other walker sees
/// them, so no code downstream (templates, PDF, browsers) meets them.
struct DepthGuard {
  let limit: Int
  private var depth = 0

  init(limit: Int) {
    self.limit = limit
  }

  mutating func visit(_ visit: Visit, positions: inout SourcePositions) throws(MarkdownError) {
    guard visit.kind != .document else { return }
    if visit.event == .enter {
      depth += 1
      if depth > limit { throw .tooDeep(positions.point(of: visit.node, kind: visit.kind)) }
    } else {
      depth -= 1
    }
  }
}
