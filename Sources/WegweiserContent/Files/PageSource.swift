import WegweiserCore

/// A page's source: its file, checked front matter and Markdown body.
public struct PageSource: Sendable {
    public var file: ContentFile
    /// The path shown in messages: `content/reports/stralsund.de.md`.
    public var displayPath: String
    /// The file's language: its suffix, or the default language.
    public var language: LanguageCode
    public var frontMatter: FrontMatter
    public var body: String
    /// The line in the file where the body starts, so Markdown positions map to file positions.
    public var bodyLine: Int

    public init(
        file: ContentFile, displayPath: String, language: LanguageCode, frontMatter: FrontMatter, body: String,
        bodyLine: Int
    ) {
        self.file = file
        self.displayPath = displayPath
        self.language = language
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
    }

    /// Unique among the sources of a build, also for the rows of one spreadsheet: file, entry, language.
    public var identity: String { "\(displayPath)#\(file.logicalPath)@\(language)" }

    /// A place in the file, for a field of the front matter or the start of the file.
    public func location(of field: String? = nil) -> SourceLocation {
        field.flatMap { frontMatter.locations[$0] } ?? SourceLocation(file: displayPath)
    }
}
