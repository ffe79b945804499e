import Foundation
import PackagePlugin

/// Embeds `themes/default/` into the target that uses it, so the tool ships its theme inside the binary
/// and a site without a themes/ folder still builds.
@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeDirectory = context.package.directoryURL.appending(path: "themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultThemeFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [themeDirectory.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: try files(under: themeDirectory) + [themeDirectory],
                outputFiles: [output]
            )
        ]
    }

    private func files(under directory: URL) throws -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
