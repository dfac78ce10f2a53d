import ClerkCLI
import Foundation

exit(Clerk.main(arguments: Array(CommandLine.arguments.dropFirst())))
