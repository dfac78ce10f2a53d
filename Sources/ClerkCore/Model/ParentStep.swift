/// Whether a relative path written by a build holds `..` anywhere (and so
/// might step out of its folder): the paths a build checks number tens of
/// thousands, and Foundation's `contains` goes through `CFString`.
public enum ParentStep {
  @inlinable public static func appears(in path: some StringProtocol) -> Bool {
    var previousWasDot = false
    for byte in path.utf8 {
      let isDot = byte == UInt8(ascii: ".")
      if isDot && previousWasDot { return true }
      previousWasDot = isDot
    }
    return false
  }
}
