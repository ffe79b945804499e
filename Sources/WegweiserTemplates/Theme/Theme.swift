import Foundation
import WegweiserContent
import WegweiserCore

/// The theme a site is built with: the built-in theme, overridden file by file by the site's
/// `themes/<name>/` and then by its own `layouts/` and `i18n/`.
public struct Theme: Sendable {
    /// Layout templates by name: `_default/single`, `report/single`, `index`.
    public private(set) var layouts: [String: ThemeFile] = [:]
    /// Partials by name: `partials/header`.
    public private(set) var partials: [String: ThemeFile] = [:]
    /// UI string files per language code, theme first, site last.
    public private(set) var stringFiles: [String: [ThemeFile]] = [:]
    /// Files copied to the output's `assets/` folder, by path below it.
    public private(set) var assets: [String: ThemeFile] = [:]

    public init(files: [ThemeFile] = []) {
        add(files)
    }

    /// Reads the layers of a site's theme from disk; `siteDirectory` is the site's folder and
    /// `displayDirectory` the same as messages show it.
    public static func load(
        name: String, nameLocation: SourceLocation, siteDirectory: String, displayDirectory: String,
        fileSystem: any FileSystem
    ) throws(DiagnosticError) -> Theme {
        var theme = Theme(files: BuiltInTheme.files)
        let themeFolder = "themes/" + name
        if fileSystem.kind(at: join(siteDirectory, themeFolder)) == .directory {
            theme.add(try readFolder(themeFolder, as: "", site: siteDirectory, display: displayDirectory, fileSystem: fileSystem))
        } else if name != "default" {
            throw DiagnosticError(
                "theme '\(name)' not found: there is no folder \(join(displayDirectory, themeFolder)); "
                    + "use theme: default for the built-in theme", at: nameLocation)
        }
        for (folder, prefix) in [("layouts", "layouts/"), ("i18n", "i18n/")] {
            theme.add(try readFolder(folder, as: prefix, site: siteDirectory, display: displayDirectory, fileSystem: fileSystem))
        }
        return theme
    }

    private static func readFolder(
        _ folder: String, as prefix: String, site: String, display: String, fileSystem: any FileSystem
    ) throws(DiagnosticError) -> [ThemeFile] {
        let directory = join(site, folder)
        guard fileSystem.kind(at: directory) == .directory else { return [] }
        do {
            return try fileSystem.filesRecursively(under: directory).map { relative in
                ThemeFile(
                    path: prefix.isEmpty ? relative : prefix + relative, displayPath: join(display, folder + "/" + relative),
                    bytes: try fileSystem.read(join(directory, relative)))
            }
        } catch {
            throw DiagnosticError("cannot read \(join(display, folder)): \(error)", at: nil)
        }
    }

    /// Adds a layer; its files replace earlier ones of the same name.
    private mutating func add(_ files: [ThemeFile]) {
        for file in files {
            let parts = file.path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let (folder, rest) = (parts[0], parts[1])
            switch folder {
            case "layouts" where rest.hasPrefix("partials/") && rest.hasSuffix(".mustache"):
                partials[String(rest.dropLast(".mustache".count))] = file
            case "layouts" where rest.hasSuffix(".mustache"):
                layouts[String(rest.dropLast(".mustache".count))] = file
            case "partials" where rest.hasSuffix(".mustache"):
                partials["partials/" + rest.dropLast(".mustache".count)] = file
            case "i18n" where rest.hasSuffix(".yaml") || rest.hasSuffix(".yml"):
                let code = String(rest[..<rest.lastIndex(of: ".")!])
                stringFiles[code, default: []].append(file)
            case "assets":
                assets[rest] = file
            default:
                continue
            }
        }
    }

    static func join(_ directory: String, _ path: String) -> String {
        directory.isEmpty || directory == "." ? path : directory + "/" + path
    }
}
