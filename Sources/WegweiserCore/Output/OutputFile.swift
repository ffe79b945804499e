/// A file of the generated site, as bytes, at a path relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    /// `de/reports/stralsund/index.html`
    public var path: String
    public var bytes: [UInt8]
    /// What in the site asked for this file (a page's slug, an alias), for messages about clashes.
    public var origin: SourceLocation?

    public init(path: String, bytes: [UInt8], origin: SourceLocation? = nil) {
        self.path = path
        self.bytes = bytes
        self.origin = origin
    }

    public init(path: String, text: String, origin: SourceLocation? = nil) {
        self.init(path: path, bytes: Array(text.utf8), origin: origin)
    }
}

/// A file copied into the output as it is: static files, theme assets, images of page bundles.
public struct FileCopy: Sendable, Hashable {
    /// The file on disk.
    public var source: String
    /// The path relative to the output folder.
    public var destination: String
    /// Where the file comes from, as messages show it.
    public var displaySource: String

    public init(source: String, destination: String, displaySource: String) {
        self.source = source
        self.destination = destination
        self.displaySource = displaySource
    }
}
