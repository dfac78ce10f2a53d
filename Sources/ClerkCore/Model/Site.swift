/// Organisation-wide settings from `site.yml`.
public struct Site: Sendable {
  public var organisation: String
  public var baseURL: String
  public var signatory: Signatory?
  public var exemptionScheme: ExemptionScheme
  /// The council's own closure days, which do not count as working days.
  public var closureDays: Set<CalendarDate>
  /// The council's own templates folder, relative to the content folder.
  public var templates: String?
  /// How appendices are named: "Appendix A" (the default) or "Appendix 1".
  public var appendixNumbering: AppendixNumbering = .letters
  /// Whose bank holidays are not working days (`bank-holidays`; by default
  /// the exemption scheme's nation).
  public var bankHolidays: Nation = .englandAndWales
  /// The accessibility statement's contact and dates (`accessibility:`).
  public var accessibility = AccessibilityContact()

  public init(
    organisation: String, baseURL: String, signatory: Signatory? = nil,
    exemptionScheme: ExemptionScheme = .england, closureDays: Set<CalendarDate> = []
  ) {
    self.organisation = organisation
    self.baseURL = baseURL
    self.signatory = signatory
    self.exemptionScheme = exemptionScheme
    self.closureDays = closureDays
  }
}

/// `appendix-numbering` in `site.yml`.
public enum AppendixNumbering: String, Sendable, CaseIterable {
  case letters, numbers

  /// The label of appendix `number` (1-based): "A" or "1"; 27 → "AA".
  public func label(_ number: Int) -> String {
    self == .letters ? AgendaNumber.letters(number) : String(number)
  }
}

public struct Signatory: Hashable, Sendable {
  public var name: String
  public var title: String
  public init(name: String, title: String) {
    self.name = name
    self.title = title
  }
}

/// A person to contact: a committee clerk or a report author.
public struct Contact: Hashable, Sendable {
  public var name: String
  public var role: String?
  public var phone: String?
  public var email: String?
  public init(name: String, role: String? = nil, phone: String? = nil, email: String? = nil) {
    self.name = name
    self.role = role
    self.phone = phone
    self.email = email
  }
}
