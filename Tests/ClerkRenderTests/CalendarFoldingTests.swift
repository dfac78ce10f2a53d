import Foundation
import Testing

@testable import ClerkRender

/// iCalendar output as `TemplateFormat.finish` writes it (ASCII lines
/// folded by their bytes) against the straightforward version: every line
/// folded character by character, joined with CRLF.
@Suite struct CalendarFoldingTests {
  static func straightforward(_ output: String) -> String {
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.filter { !$0.isEmpty }.map { TemplateFormat.fold(String($0)) }.joined(separator: "\r\n") + "\r\n"
  }

  static let samples: [(name: String, text: String)] = [
    ("short", "BEGIN:VCALENDAR\nEND:VCALENDAR\n"),
    ("crlf and blank lines", "A:1\r\n\r\nB:2\n\n"),
    ("exactly 75", "DESCRIPTION:" + String(repeating: "x", count: 63) + "\n"),
    ("76 and long", "DESCRIPTION:" + String(repeating: "y", count: 64) + "\nSUMMARY:" + String(repeating: "z", count: 400)),
    ("multibyte", "SUMMARY:" + String(repeating: "é", count: 50) + "\nLOCATION:" + String(repeating: "a", count: 70) + "🦆e\u{301}" + String(repeating: "b", count: 80)),
    ("inner return", "X:" + String(repeating: "c", count: 70) + "\rd" + String(repeating: "e", count: 90) + "\r\n"),
  ]

  @Test(arguments: samples.indices)
  func foldingIsWhatFoldingEachCharacterGives(sample: Int) {
    let text = Self.samples[sample].text
    #expect(TemplateFormat.icalendar.finish(text) == Self.straightforward(text), "\(Self.samples[sample].name)")
  }
}
