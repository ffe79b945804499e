import Foundation
import WegweiserCore

/// Reads and checks the fields of reports, contacts and events; every bad value is an error at its
/// line, and a field of another type is a warning that names the page's type.
public enum TypedFieldsDecoder {
    public static func decode(
        type: String, fields: [String: DataNode], file: String, timeZone: TimeZone
    ) -> (TypedFields, Diagnostics) {
        var reader = FieldReader(fields, file: file, timeZone: timeZone)
        let result: TypedFields
        switch type {
        case "report": result = .report(readReport(&reader))
        case "contact": result = .contact(readContact(&reader))
        case "event": result = readEvent(&reader).map(TypedFields.event) ?? .none
        default: result = .none
        }
        warnAboutOtherTypesFields(type: type, reader: &reader)
        return (result, reader.diagnostics)
    }

    /// The keys of `type`.
    public static func keys(of type: String) -> [String] {
        switch type {
        case "report": TypeFields.report
        case "contact": TypeFields.contact
        case "event": TypeFields.event
        default: []
        }
    }

    /// On a report, contact or event, a field of another of these types is probably a mistake.
    /// Per type, the fields of the other types, made once.
    private static let otherTypesFields: [String: Set<String>] = Dictionary(uniqueKeysWithValues: ["report", "contact", "event"].map {
        ($0, Set(TypeFields.all).subtracting(keys(of: $0)))
    })

    private static func warnAboutOtherTypesFields(type: String, reader: inout FieldReader) {
        guard let others = otherTypesFields[type] else { return }
        for key in reader.fields.keys.filter(others.contains).sorted() {
            guard let location = reader.location(key) else { continue }
            let owners = ["report", "contact", "event"].filter { keys(of: $0).contains(key) }
            reader.diagnostics.warning(
                "'\(key)' is a field of \(owners.joined(separator: " and ")) pages, and this page is a \(type) page; "
                    + "it is kept for templates only (set 'type' if the page is meant to be another type)",
                at: SourceLocation(file: location.file, line: location.line, column: 1))
        }
    }

    private static func readReport(_ reader: inout FieldReader) -> ReportFields {
        var fields = ReportFields()
        fields.municipality = reader.text("municipality")
        fields.state = reader.text("state")
        fields.programme = reader.text("programme")
        fields.integrators = reader.texts("integrators")
        fields.partners = reader.texts("partners")
        fields.topics = reader.texts("topics")
        fields.status = reader.choice("status", as: ReportFields.Status.self)
        let zone = reader.timeZone
        if let period = reader.read("period", { node throws(DiagnosticError) in try readPeriod(node, timeZone: zone) }) {
            (fields.periodStart, fields.periodEnd) = period
        }
        fields.metrics = reader.read("metrics") { node throws(DiagnosticError) in try readMetrics(node) } ?? []
        return fields
    }

    private static func readPeriod(_ node: DataNode, timeZone: TimeZone) throws(DiagnosticError) -> (ContentDate?, ContentDate?) {
        guard case .map(let entries) = node.value else {
            throw DiagnosticError("'period' must be a map {start: 2025-01-01, end: 2025-12-31}", at: node.location)
        }
        for entry in entries where entry.key != "start" && entry.key != "end" {
            throw DiagnosticError("'period' takes start and end, not '\(entry.key)'", at: entry.keyLocation)
        }
        let start = try node["start"].map { value throws(DiagnosticError) in try value.date(for: "start", timeZone: timeZone) }
        let end = try node["end"].map { value throws(DiagnosticError) in try value.date(for: "end", timeZone: timeZone) }
        if let start, let end, end < start {
            throw DiagnosticError("the period ends before it starts", at: node["end"]!.location)
        }
        return (start, end)
    }

    private static func readMetrics(_ node: DataNode) throws(DiagnosticError) -> [ReportFields.Metric] {
        guard case .list(let items) = node.value else {
            throw DiagnosticError("'metrics' must be a list like [{label: Beratungen, value: 120}]", at: node.location)
        }
        var metrics: [ReportFields.Metric] = []
        for item in items {
            guard case .map = item.value, let label = item["label"], let value = item["value"] else {
                throw DiagnosticError("each metric needs a label and a value: {label: Beratungen, value: 120}", at: item.location)
            }
            metrics.append(.init(label: try label.nonEmptyString(for: "label"), value: try value.nonEmptyString(for: "value")))
        }
        return metrics
    }

    private static func readContact(_ reader: inout FieldReader) -> ContactFields {
        var fields = ContactFields()
        fields.organization = reader.text("organization")
        fields.category = reader.text("category")
        fields.services = reader.texts("services")
        fields.languages = reader.read("languages") { node throws(DiagnosticError) in try node.languageCodes(for: "languages") } ?? []
        fields.address = reader.read("address") { node throws(DiagnosticError) in try node.postalAddress(for: "address") }
        fields.geo = reader.read("geo") { node throws(DiagnosticError) in try node.geoPoint(for: "geo") }
        fields.phone = reader.read("phone") { node throws(DiagnosticError) in try node.phone(for: "phone") }
        fields.email = reader.read("email") { node throws(DiagnosticError) in try node.email(for: "email") }
        fields.website = reader.read("website") { node throws(DiagnosticError) in try node.webAddress(for: "website") }
        fields.wheelchair = reader.choice("wheelchair", as: ContactFields.Wheelchair.self)
        fields.appointment = reader.choice("appointment", as: ContactFields.Appointment.self)
        fields.targetGroups = reader.texts("target_groups")
        fields.lastVerified = reader.date("last_verified")
        var warnings: [Diagnostic] = []
        fields.openingHours = reader.read("opening_hours") { node throws(DiagnosticError) in
            let (hours, found) = try OpeningHoursParser.parse(try node.nonEmptyString(for: "opening_hours"), at: node.textStart)
            warnings = found
            return hours
        }
        reader.diagnostics.append(contentsOf: warnings)
        return fields
    }

    private static func readEvent(_ reader: inout FieldReader) -> EventFields? {
        let start = reader.date("start")
        let end = reader.date("end")
        var fields = EventFields(start: start ?? ContentDate(instant: .distantPast, hasTime: false, hasOffset: false))
        fields.end = end
        fields.allDay = reader.bool("all_day") ?? (start.map { !$0.hasTime } ?? false)
        fields.organizer = reader.text("organizer")
        fields.location = reader.text("location").map { text in
            Self.looksLikeKey(text) ? .contact(key: text) : .address(text)
        }
        fields.languages = reader.read("languages") { node throws(DiagnosticError) in try node.languageCodes(for: "languages") } ?? []
        fields.cost = reader.text("cost")
        fields.registration = reader.read("registration") { node throws(DiagnosticError) in try node.webAddress(for: "registration") }
        fields.cancelled = reader.bool("cancelled") ?? false
        fields.category = reader.text("category")
        let zone = reader.timeZone
        fields.recurrence = reader.read("recurrence") { node throws(DiagnosticError) in
            try RecurrenceRule.parse(try node.nonEmptyString(for: "recurrence"), at: node.textStart, timeZone: zone)
        }
        guard let start else {
            if reader.fields["start"] == nil {
                reader.diagnostics.error("an event needs 'start', like start: 2026-05-04T18:00", at: SourceLocation(file: reader.file))
            }
            return nil
        }
        if let end, end < start, let location = reader.location("end") {
            reader.diagnostics.error("the event ends before it starts", at: location)
        }
        return fields
    }

    /// A contact key is written like a file name, in lower case (`jmd-torgau`); anything else
    /// (`Marktplatz`, `Markt 1, Torgau`) is an address.
    static func looksLikeKey(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}

extension DataNode {
    /// Where the text of a scalar starts: after the opening quote of a quoted value.
    var textStart: SourceLocation {
        guard case .scalar(_, let quoted) = value, quoted else { return location }
        return SourceLocation(file: location.file, line: location.line, column: location.column + 1)
    }
}
