/// A file of the generated site, as bytes, at a path relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    /// `de/reports/stralsund/index.html`
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
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
