import ClerkCore

/// A CSV appendix as an accessible HTML table: a caption, column headers
/// with `scope`, and a scrolling region for wide tables.
enum AppendixTable {
  static func html(_ table: CSVTable, caption: String) -> String {
    var out = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTMLEscape.escape(caption))\">\n"
    out += "<table>\n<caption>\(HTMLEscape.escape(caption))</caption>\n<thead>\n<tr>\n"
    for cell in table.header {
      out += "<th scope=\"col\">\(HTMLEscape.escape(cell))</th>\n"
    }
    out += "</tr>\n</thead>\n<tbody>\n"
    for row in table.rows {
      out += "<tr>\n"
      for index in 0..<max(row.count, table.header.count) {
        out += "<td>\(HTMLEscape.escape(index < row.count ? row[index] : ""))</td>\n"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n</div>\n"
  }
}
