/// `index.json`: every meeting of one tree, oldest first, each pointing to
/// its `meeting.json` and its page. Its schema is
/// `docs/schema/index.schema.json`; change both together.
struct OpenDataIndex: Encodable {
  var organisation: String
  /// `public` or `non-public`: the tree this file was written to.
  var audience: String
  var meetings: [Meeting]

  struct Meeting: Encodable {
    var committee: Committee
    var meeting: String
    var date: String
    var startDate: String
    var name: String
    var status: String
    var url: String
    var data: String
  }

  struct Committee: Encodable {
    var slug: String
    var name: String
  }
}
