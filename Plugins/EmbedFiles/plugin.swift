import Foundation
import PackagePlugin

/// Embeds files into the target that uses it, so the tool ships them inside the binary:
/// `themes/default/` into WegweiserTemplates (a site without a themes/ folder still builds) and the
/// search engine's JavaScript (`Sources/WegweiserSearch/Engine/`) into WegweiserSearch.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (directory, constant): (URL, String)
        switch target.name {
        case "WegweiserSearch":
            (directory, constant) = (target.directoryURL.appending(path: "Engine"), "searchEngineFiles")
        default:
            (directory, constant) = (context.package.directoryURL.appending(path: "themes/default"), "defaultThemeFiles")
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded_\(constant).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(directory.lastPathComponent)/ into \(target.name)",
                executable: try context.tool(named: "FileEmbedder").url,
                arguments: [directory.path(percentEncoded: false), output.path(percentEncoded: false), constant],
                inputFiles: try files(under: directory) + [directory],
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
