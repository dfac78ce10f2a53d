extension MeetingResult {
  /// A draft meeting with errors: a build leaves it out (its pages, in
  /// `non-public/` too) and goes on with the rest, so next month's
  /// unfinished agenda never stops this month's from being published.
  /// `clerk check` still reports its problems as errors.
  public var isHeldBackDraft: Bool { entry.status == .draft && diagnostics.hasErrors }

  /// What a build reports for this meeting: a held-back draft's errors
  /// become warnings that say so; anything else is reported as it is.
  public var buildDiagnostics: [Diagnostic] {
    guard isHeldBackDraft else { return diagnostics.all }
    return diagnostics.all.map { diagnostic in
      guard diagnostic.severity == .error else { return diagnostic }
      return Diagnostic(
        .warning, diagnostic.message + " (in a draft meeting: it is left out of this build until this is fixed)",
        at: diagnostic.location)
    }
  }
}
