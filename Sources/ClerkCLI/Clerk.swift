import ArgumentParser
import Foundation

/// The `clerk` command: turns a committee archive into a website and packs.
public struct Clerk: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "clerk",
    abstract: "Build committee agendas, reports and minutes into a website and agenda packs.",
    version: "0.1.0",
    subcommands: [
      BuildCommand.self, CheckCommand.self, AuditCommand.self, VerifyCommand.self, DeadlinesCommand.self,
      ExemptionsCommand.self, NewCommand.self, ServeCommand.self,
    ])

  public init() {}

  /// Runs the command line and returns the process exit status: 0 success,
  /// 1 content problems, 2 usage errors.
  public static func main(arguments: [String]) -> Int32 {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      return 0
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        return 0
      }
      if let exit = error as? ExitCode { return exit.rawValue }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      return code == .validationFailure ? 2 : code.rawValue
    }
  }
}
