import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import WegweiserBuild
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// `wegweiser check`
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without building it: content, settings, theme, and with --stale, the directory.",
        discussion: """
            Reads everything a build reads and reports every problem as file:line:column: error|warning: message. \
            With --stale MONTHS, also lists the directory entries whose last_verified date is older than that, \
            or missing. With --links, also reports images without alt text (errors) and links that lead to \
            another language's text (warnings); with --external, also fetches every external link. With --translations, also prints for every page of content which languages are the \
            original, up to date, outdated (the original changed after the translation: by lastmod, else by \
            git, else by file time; minor_edit: true in the original keeps translations current), a \
            fallback, or missing, with totals per language and the interface texts each language lacks. Exit status: 0 when all is well, 1 when there are errors or stale entries, 2 on a wrong \
            command line.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "DIR"))
    var source = "."

    @Option(name: .long, help: ArgumentHelp("List directory entries not verified for this many months.", valueName: "MONTHS"))
    var stale: Int?

    @Flag(name: .long, help: "Also print every page's translation status per language, and the interface texts each language lacks.")
    var translations = false

    @Flag(name: .long, help: "Also check that images have alt text and that links lead to pages in their own language.")
    var links = false

    @Flag(name: .long, help: "With --links: also fetch every external link (10 s each, 8 at a time).")
    var external = false

    @Option(name: .long, help: ArgumentHelp("The moment to check for, as ISO 8601 (without an offset: UTC).", valueName: "ISO8601"))
    var now: String?

    @Option(name: .long, help: "How to print the result: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if let stale, stale < 1 { throw ValidationError("--stale must be at least 1 month.") }
        if external && !links { throw ValidationError("--external goes with --links.") }
        if let now, BuildCommand.parseNow(now) == nil {
            throw ValidationError("--now must be ISO 8601, like 2026-01-31 or 2026-01-31T12:00:00Z, not '\(now)'.")
        }
    }

    func run() async throws {
        let options = BuildOptions(sourceDirectory: source, now: now.flatMap(BuildCommand.parseNow) ?? Date())
        let (assembled, builtReport) = await SiteBuilder(options: options).assemble()
        var report = builtReport
        let site = assembled?.site
        var notes: [String] = []
        if links, let assembled {
            report.diagnostics.append(contentsOf: LinkCheck.diagnostics(for: assembled.linkFindings, site: assembled.site))
            if external {
                let (found, summary) = await LinkCheck.checkExternal(
                    assembled.linkFindings, siteHost: assembled.site.config.baseURL.host, session: URLSession(configuration: .ephemeral))
                report.diagnostics.append(contentsOf: found)
                notes.append(summary)
            }
        }
        let (stale, checked) = site.map { site in self.stale.map { site.staleContacts(olderThan: $0) } ?? ([], 0) } ?? ([], 0)
        switch format {
        case .json:
            FileHandle.standardOutput.write(Data((json(report: report, stale: stale, checked: checked, site: site) + "\n").utf8))
        case .text:
            let printer = ReportPrinter(format: .text, quiet: true, verbose: false)
            let all = report.diagnostics.sorted + stale.map(\.diagnostic)
            for diagnostic in all.sorted() { FileHandle.standardError.write(Data((printer.line(for: diagnostic) + "\n").utf8)) }
            if translations, let site {
                FileHandle.standardOutput.write(Data(TranslationTable(site: site, missingStrings: report.missingStrings).text.utf8))
            }
            for note in notes { FileHandle.standardOutput.write(Data((note + "\n").utf8)) }
            FileHandle.standardOutput.write(Data((summary(report: report, stale: stale, checked: checked) + "\n").utf8))
        }
        if !report.succeeded || !stale.isEmpty { throw ExitCode(1) }
    }

    private func summary(report: BuildReport, stale: [StaleContact], checked: Int) -> String {
        var parts: [String] = []
        let errors = report.diagnostics.errors.count, warnings = report.diagnostics.warnings.count
        parts.append(errors == 0 ? "No errors" : "\(errors) error\(errors == 1 ? "" : "s")")
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if let months = self.stale {
            parts.append("\(Set(stale.map(\.entry)).count) of \(checked) directory entries not verified within \(months) months")
        }
        return parts.joined(separator: ", ") + "."
    }

    private func json(report: BuildReport, stale: [StaleContact], checked: Int, site: Site?) -> String {
        var object: [String: Any] = [
            "succeeded": report.succeeded && stale.isEmpty,
            "diagnostics": report.diagnostics.sorted.map(ReportPrinter.jsonObject),
        ]
        if translations, let site { object["translations"] = TranslationTable(site: site, missingStrings: report.missingStrings).json }
        if let months = self.stale {
            object["stale"] = [
                "months": months, "checked": checked,
                "entries": stale.map { entry -> [String: Any] in
                    var item = ReportPrinter.jsonObject(entry.diagnostic)
                    item["title"] = entry.title
                    if let months = entry.months { item["months"] = months }
                    return item
                },
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
