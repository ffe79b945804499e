import WegweiserCore

/// A page's source: its file, checked front matter and Markdown body. Its fields live in one shared
/// object, copied only when a copy is changed: a source is handed from step to step of a build
/// (grouped, decoded, kept for its page's body), and copying a dozen strings, maps and lists each
/// time was a tenth of the assembly.
public struct PageSource: Sendable {
    private final class Storage: @unchecked Sendable {
        // Changed only while the storage has a single owner (see `unique`).
        var file: ContentFile { didSet { updateIdentity() } }
        var displayPath: String { didSet { updateIdentity() } }
        var language: LanguageCode { didSet { updateIdentity() } }
        var frontMatter: FrontMatter
        var body: String
        var bodyLine: Int
        private(set) var identity = ""

        init(file: ContentFile, displayPath: String, language: LanguageCode, frontMatter: FrontMatter, body: String, bodyLine: Int) {
            self.file = file
            self.displayPath = displayPath
            self.language = language
            self.frontMatter = frontMatter
            self.body = body
            self.bodyLine = bodyLine
            updateIdentity()
        }

        func copy() -> Storage {
            Storage(file: file, displayPath: displayPath, language: language, frontMatter: frontMatter, body: body, bodyLine: bodyLine)
        }

        private func updateIdentity() {
            identity = "\(displayPath)#\(file.logicalPath)@\(language)"
        }
    }

    private var storage: Storage

    public init(
        file: ContentFile, displayPath: String, language: LanguageCode, frontMatter: FrontMatter, body: String,
        bodyLine: Int
    ) {
        storage = Storage(file: file, displayPath: displayPath, language: language, frontMatter: frontMatter, body: body, bodyLine: bodyLine)
    }

    /// The storage, copied first if another source shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var file: ContentFile {
        get { storage.file }
        set { unique.file = newValue }
    }

    /// The path shown in messages: `content/reports/stralsund.de.md`.
    public var displayPath: String {
        get { storage.displayPath }
        set { unique.displayPath = newValue }
    }

    /// The file's language: its suffix, or the default language.
    public var language: LanguageCode {
        get { storage.language }
        set { unique.language = newValue }
    }

    public var frontMatter: FrontMatter {
        get { storage.frontMatter }
        set { unique.frontMatter = newValue }
    }

    public var body: String {
        get { storage.body }
        set { unique.body = newValue }
    }

    /// The line in the file where the body starts, so Markdown positions map to file positions.
    public var bodyLine: Int {
        get { storage.bodyLine }
        set { unique.bodyLine = newValue }
    }

    /// Unique among the sources of a build, also for the rows of one spreadsheet: file, entry, language.
    public var identity: String { storage.identity }

    /// A place in the file, for a field of the front matter or the start of the file.
    public func location(of field: String? = nil) -> SourceLocation {
        field.flatMap { frontMatter.locations[$0] } ?? SourceLocation(file: displayPath)
    }
}
