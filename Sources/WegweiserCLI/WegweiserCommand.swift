import ArgumentParser
import Foundation

/// `wegweiser`: the root command.
public struct WegweiserCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wegweiser",
        abstract: "Builds multilingual, accessible websites for integration programmes and municipalities.",
        discussion: """
            Markdown in content/, settings in site.yaml, the built-in theme (or your own) — out comes a static \
            site in every language of the site, ready for any web server.

            Exit status: 0 when the build succeeded (warnings allowed), 1 when the content has errors, \
            2 when the command line is wrong.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self],
        defaultSubcommand: nil
    )

    public init() {}

    /// Runs the command line; usage errors exit with 2, as documented.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
