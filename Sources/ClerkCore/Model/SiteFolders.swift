/// Folders at the top of each output tree that hold the site's own files,
/// not a committee's: a committee folder may not take their names, or its
/// pages would land among them.
public enum SiteFolders {
  /// The templates' stylesheets and other files (`SiteBuilder.assets`).
  public static let assets = "assets"
  /// The search index (`Pagefind.folder`).
  public static let search = "search"

  public static let reserved: Set<String> = [assets, search]
}
