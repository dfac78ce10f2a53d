import Testing

@testable import Markdown

@Suite("Walkers") struct WalkerTests {
  static let positions = Marked(
    """
    Intro ⟪one⟫[one](a) and
      more ⟪two⟫[two](b "T") ⟪im⟫![im](c)

    > quoted
    > text ⟪three⟫[three](d)[^q]

    - item
      cont ⟪four⟫[four](e)
    lazy ⟪five⟫[five](f)

    | h | ⟪six⟫[six](g) |
    |---|---|
    | é | ⟪seven⟫[seven](h) |

    ⟪head⟫## Head *x* ⟪eight⟫[eight](i)

    Visit ⟪www⟫www.example.com and ⟪mail⟫me@example.com or ⟪angle⟫<http://x.y>.
    Again ⟪mail2⟫you@example.org.

    café ⟪ten⟫[ten](k)[^n]

    ⟪fn⟫[^n]: Foot *note*
        more ⟪nine⟫[nine](j)

    > ⟪quoted-head⟫### Quoted heading
    >
    > ⟪fnq⟫[^q]: In a quote

       ⟪indented⟫## Indented

    ⟪setext⟫Setext *h*
    line two ⟪eleven⟫[eleven](u)
    ===

    - é
      é ⟪twelve⟫[twelve](v)
    """)

  @Test func linkPositions() throws {
    let document = try MarkdownDocument.parse(Self.positions.source)
    let expected = [
      "one", "two", "im", "three", "four", "five", "six", "seven", "eight", "www", "mail", "angle",
      "mail2", "ten", "nine", "eleven", "twelve",
    ]
    #expect(document.links.count == expected.count)
    for (link, name) in zip(document.links, expected) {
      #expect(link.position == Self.positions[name], "link \(name): \(link.url)")
    }
  }

  @Test func morePositions() throws {
    let marked = Marked(
      "> | a | ⟪1⟫[x](u1) |\n> |---|---|\n> | é | ⟪2⟫[y](u2) |\n\n- # Head ⟪3⟫[h](u3)\n\n"
        + "1. one *two\n   three ⟪4⟫[z](u4)* four\n\na\t⟪5⟫[t](u5)\n  \t⟪6⟫[t2](u6)\n\n"
        + "> a\ncontinued ⟪7⟫[lazy](u7)\n")
    let document = try MarkdownDocument.parse(marked.source)
    #expect(document.links.map(\.url) == (1...7).map { "u\($0)" })
    for link in document.links {
      #expect(link.position == marked[String(link.url.dropFirst())], "\(link.url)")
    }
    #expect(document.headings.first?.position == SourcePoint(line: 5, column: 3))
  }

  @Test func linkFields() throws {
    let document = try MarkdownDocument.parse(Self.positions.source)
    let two = try #require(document.links.first { $0.url == "b" })
    #expect(two.title == "T")
    #expect(two.text == "two")
    #expect(!two.isImage)
    let image = try #require(document.links.first { $0.url == "c" })
    #expect(image.isImage)
    #expect(image.text == "im")
    #expect(document.links.contains { $0.url == "mailto:me@example.com" && $0.text == "me@example.com" })
    #expect(document.links.contains { $0.url == "http://www.example.com" })
  }

  @Test func headingPositionsAndTexts() throws {
    let document = try MarkdownDocument.parse(Self.positions.source)
    let headings = document.headings
    #expect(headings.map(\.text) == ["Head x eight", "Quoted heading", "Indented", "Setext h line two eleven"])
    #expect(headings.map(\.level) == [2, 3, 2, 1])
    #expect(headings.map(\.id) == ["head-x-eight", "quoted-heading", "indented", "setext-h-line-two-eleven"])
    #expect(headings.map(\.position) == ["head", "quoted-head", "indented", "setext"].map { Self.positions[$0] })
  }

  @Test func footnotePositionsLabelsAndTexts() throws {
    let document = try MarkdownDocument.parse(Self.positions.source)
    #expect(document.footnotes.map(\.label) == ["n", "q"])
    #expect(document.footnotes.map(\.position) == [Self.positions["fn"], Self.positions["fnq"]])
    #expect(document.footnotes.map(\.text) == ["Foot note more nine", "In a quote"])
  }

  @Test func footnoteLabelsKeepTheirSpelling() throws {
    let document = try MarkdownDocument.parse("A[^Note-1] b[^x&y].\n\n[^Note-1]: One.\n\n[^x&y]: Two.\n")
    #expect(document.footnotes.map(\.label) == ["Note-1", "x&y"])
    #expect(document.footnotes.map(\.text) == ["One.", "Two."])
  }

  @Test func unreferencedFootnotesAreDropped() throws {
    let document = try MarkdownDocument.parse("Text.\n\n[^lonely]: Never cited.\n")
    #expect(document.footnotes.isEmpty)
  }

  @Test func positionsAfterWindowsLineEndingsAndByteOrderMark() throws {
    let document = try MarkdownDocument.parse("\u{FEFF}# Title\r\n\r\nSee [a](b)\r\nand [c](d)\r\n")
    #expect(document.headings.first?.position == SourcePoint(line: 1, column: 1))
    #expect(document.links.map(\.position) == [SourcePoint(line: 3, column: 5), SourcePoint(line: 4, column: 5)])
  }

  @Test func plainTextHasEverythingAReaderOrCrawlerSees() throws {
    let document = try MarkdownDocument.parse(
      """
      # Title
      First paragraph with `code` and [link text](https://example.org/secret-url "Link title").
      ![Alt words](picture.png "Picture title")

      <div class="x">raw block html</div>

      Inline <span>raw inline</span> html[^note].

      ```
      code block line
      ```

      | A | B |
      |---|---|
      | cell1 | cell2 |

      [^note]: Footnote words.
      """)
    let text = document.plainText
    for piece in [
      "Title", "First paragraph", "code", "link text", "https://example.org/secret-url", "Link title",
      "Alt words", "picture.png", "Picture title", "<div class=\"x\">raw block html</div>", "<span>",
      "raw inline", "code block line", "cell1", "cell2", "Footnote words.", "note",
    ] {
      #expect(text.contains(piece), "missing \(piece)")
    }
    // Words of adjacent blocks and cells never run together.
    #expect(!text.contains("TitleFirst"))
    #expect(!text.contains("cell1cell2"))
    #expect(!text.contains("AB"))
    #expect(!text.contains("Picture titleraw"))
  }

  @Test func adjacentBlocksAreSeparated() throws {
    let document = try MarkdownDocument.parse("# One\nTwo\n\n- three\n- four\n\n> five\n\n***\nsix")
    let words = document.plainText.split(whereSeparator: { $0.isWhitespace })
    #expect(words == ["One", "Two", "three", "four", "five", "six"])
  }

  @Test func singleParagraph() throws {
    #expect(try MarkdownDocument.parse("Just *one* paragraph\nover two lines.").isSingleParagraph)
    #expect(try !MarkdownDocument.parse("One.\n\nTwo.").isSingleParagraph)
    #expect(try !MarkdownDocument.parse("# Heading").isSingleParagraph)
    #expect(try !MarkdownDocument.parse("").isSingleParagraph)
    #expect(try !MarkdownDocument.parse("- a list").isSingleParagraph)
    #expect(try !MarkdownDocument.parse("Cited[^1].\n\n[^1]: Note.").isSingleParagraph)
  }

  @Test(arguments: [
    ("Budget 2024/25", "budget-2024-25"),
    ("  --Hello,   World!--  ", "hello-world"),
    ("Café crème", "cafe-creme"),
    ("Æsop’s Fables", "aesop-s-fables"),
    ("日本語", "section"),
    ("", "section"),
    ("ALL CAPS", "all-caps"),
  ])
  func headingSlugs(text: String, slug: String) {
    #expect(HeadingCollector.slug(text) == slug)
  }
}
