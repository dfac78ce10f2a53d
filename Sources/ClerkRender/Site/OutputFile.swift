import Foundation

/// One file of an output tree: a path relative to the tree's root and
/// either its bytes or a file to copy.
public struct OutputFile: Sendable {
  public enum Contents: Sendable {
    case text(String)
    /// Copy of a file in the content tree (absolute path).
    case copy(source: String)
  }

  public var path: String
  public var contents: Contents

  public init(path: String, text: String) {
    self.path = path
    self.contents = .text(text)
  }

  public init(path: String, copying source: String) {
    self.path = path
    self.contents = .copy(source: source)
  }
}
