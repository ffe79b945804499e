import Foundation
import WegweiserCore

/// A file of a theme, wherever it comes from: the theme built into the tool, a theme folder of the
/// site, or the site's own layouts/ and i18n/.
public struct ThemeFile: Sendable, Hashable {
    /// The path inside the theme: `layouts/_default/single.mustache`, `assets/wegweiser.css`.
    public var path: String
    /// The path as messages show it: `themes/default/layouts/_default/single.mustache`.
    public var displayPath: String
    public var bytes: [UInt8]

    public init(path: String, displayPath: String, bytes: [UInt8]) {
        self.path = path
        self.displayPath = displayPath
        self.bytes = bytes
    }
}

/// The theme that ships inside the binary, generated from themes/default at build time.
public enum BuiltInTheme {
    /// Its files, as if read from a folder named `<built-in theme>`.
    public static let files: [ThemeFile] = defaultThemeFiles.map { entry in
        ThemeFile(
            path: entry.path, displayPath: "<built-in theme>/" + entry.path,
            bytes: Array(Data(base64Encoded: entry.base64) ?? Data()))
    }
}
