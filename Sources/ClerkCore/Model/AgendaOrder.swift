/// The sort key of an agenda item: `NN`, then a supplementary item after
/// the item whose `NN` it shares (by supplement number), then the slug.
public struct AgendaOrder: Comparable, Sendable {
  var order: Int
  var supplement: Int
  var slug: String

  public static func < (a: AgendaOrder, b: AgendaOrder) -> Bool {
    (a.order, a.supplement, a.slug) < (b.order, b.supplement, b.slug)
  }
}
