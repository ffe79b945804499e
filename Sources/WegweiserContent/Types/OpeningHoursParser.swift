import WegweiserCore

/// Parses OpenStreetMap `opening_hours` text; problems are reported at their column in the source.
public struct OpeningHoursParser {
    /// Where the text starts in its file (the first character of the value).
    let origin: SourceLocation
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var warnings: [Diagnostic] = []

    init(_ text: String, origin: SourceLocation) {
        self.scalars = Array(text.unicodeScalars)
        self.origin = origin
    }

    /// Parses `text`; `origin` is where its first character stands.
    public static func parse(_ text: String, at origin: SourceLocation) throws(DiagnosticError) -> (OpeningHours, [Diagnostic]) {
        var parser = OpeningHoursParser(text, origin: origin)
        let hours = try parser.parse(text)
        return (hours, parser.warnings)
    }

    private struct Rule {
        var days: [Weekday]?
        var spans: [TimeSpan]?
        var isOff = false
        var isAdditional = false
        var column: Int
        var text: String
    }

    mutating func parse(_ text: String) throws(DiagnosticError) -> OpeningHours {
        var rules: [Rule] = []
        var additional = false
        while true {
            skipSpaces()
            guard !isAtEnd else { throw error("a rule is missing here") }
            var rule = try parseRule()
            rule.isAdditional = additional
            rules.append(rule)
            skipSpaces()
            if isAtEnd { break }
            if consume(";") {
                additional = false
            } else if consume(",") {
                additional = true
            } else if peek() == "|" {
                throw error("fallback rules ('||') are not supported; use ';' or ','")
            } else {
                throw error("expected ';' or ',' between rules, found '\(peek()!)'")
            }
        }
        return evaluate(rules, text: text)
    }

    private mutating func parseRule() throws(DiagnosticError) -> Rule {
        let start = index
        var rule = Rule(column: start, text: "")
        if consume(word: "24/7") {
            rule.days = Weekday.week
            rule.spans = [TimeSpan(start: 0, end: 24 * 60)]
        } else {
            if let first = peek(), first.properties.isAlphabetic, !startsModifier {
                rule.days = try parseDays()
            }
            skipSpaces()
            if let first = peek(), ("0"..."9").contains(first) {
                rule.spans = try parseSpans()
            }
        }
        skipSpaces()
        if consume(word: "off") || consume(word: "closed") {
            rule.isOff = true
        } else if consume(word: "open") {
            rule.spans = rule.spans ?? [TimeSpan(start: 0, end: 24 * 60)]
        }
        skipSpaces()
        if peek() == "\"" { try skipComment() }
        guard rule.days != nil || rule.spans != nil || rule.isOff else {
            throw error(at: start, "expected weekdays (Mo-Fr), times (09:00-12:00), 'off' or '24/7'")
        }
        rule.text = String(String.UnicodeScalarView(scalars[start..<index])).trimmingSpaces
        return rule
    }

    private var startsModifier: Bool {
        ["off", "closed", "open"].contains { word in matches(word) }
    }

    private mutating func parseDays() throws(DiagnosticError) -> [Weekday] {
        var days: [Weekday] = []
        repeat {
            skipSpaces()
            let start = try parseDay()
            if consume("-") {
                let end = try parseDay()
                guard start != .publicHoliday, end != .publicHoliday else { throw error("'PH' cannot be part of a range") }
                var day = start.rawValue
                while true {
                    days.append(Weekday(rawValue: day)!)
                    if day == end.rawValue { break }
                    day = day % 7 + 1  // Fr-Mo wraps over the weekend
                }
            } else {
                days.append(start)
            }
        } while peek() == "," && nextIsDay() && consume(",")
        return days
    }

    private func nextIsDay() -> Bool {
        var offset = index + 1
        while offset < scalars.count, scalars[offset] == " " { offset += 1 }
        guard offset + 1 < scalars.count else { return false }
        let code = String(String.UnicodeScalarView([scalars[offset], scalars[offset + 1]]))
        return Weekday.allCases.contains { $0.code == code }
    }

    private mutating func parseDay() throws(DiagnosticError) -> Weekday {
        let start = index
        var word = ""
        while let scalar = peek(), scalar.properties.isAlphabetic {
            word.unicodeScalars.append(scalar)
            index += 1
        }
        if let day = Weekday.allCases.first(where: { $0.code == word }) { return day }
        if word.isEmpty { throw error("expected a weekday (Mo, Tu, We, Th, Fr, Sa, Su or PH)") }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        if months.contains(word) || word == "SH" || word == "week" {
            throw error(at: start, "'\(word)' (months, weeks, school holidays) is not supported; use weekdays and PH")
        }
        let codes = Weekday.allCases.map(\.code)
        throw error(at: start, "'\(word)' is not a weekday; use \(codes.joined(separator: ", "))\(Suggestions.hint(for: word, in: codes))")
    }

    private mutating func parseSpans() throws(DiagnosticError) -> [TimeSpan] {
        var spans: [TimeSpan] = []
        repeat {
            skipSpaces()
            let start = index
            let from = try parseTime()
            guard consume("-") else { throw error("expected '-' and a closing time after \(TimeSpan.clock(from))") }
            var to = try parseTime()
            if to <= from && to <= 24 * 60 { to += 24 * 60 }  // 22:00-02:00 ends after midnight
            guard to - from <= 24 * 60 else { throw error(at: start, "a time span may last at most 24 hours") }
            spans.append(TimeSpan(start: from, end: to))
        } while peek() == "," && nextIsTime() && consume(",")
        return spans
    }

    private func nextIsTime() -> Bool {
        var offset = index + 1
        while offset < scalars.count, scalars[offset] == " " { offset += 1 }
        return offset < scalars.count && ("0"..."9").contains(scalars[offset])
    }

    private mutating func parseTime() throws(DiagnosticError) -> Int {
        let start = index
        var digits = ""
        while let scalar = peek(), ("0"..."9").contains(scalar) || scalar == ":" {
            digits.unicodeScalars.append(scalar)
            index += 1
        }
        let parts = digits.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count), let hours = Int(parts[0]),
            let minutes = Int(parts[1]), minutes < 60, hours <= 48
        else {
            throw error(at: start, "'\(digits)' is not a time; write times as 09:00")
        }
        return hours * 60 + minutes
    }

    private mutating func skipComment() throws(DiagnosticError) {
        let start = index
        index += 1
        while let scalar = peek(), scalar != "\"" { index += 1 }
        guard consume("\"") else { throw error(at: start, "this comment is never closed with '\"'") }
    }

    /// Applies the rules in order, as OpenStreetMap does: a normal rule replaces the hours of its days,
    /// an additional one adds to them.
    private mutating func evaluate(_ rules: [Rule], text: String) -> OpeningHours {
        var days: [Weekday: [TimeSpan]] = [:]
        var setBy: [Weekday: Rule] = [:]
        var mentionsHolidays = false
        for rule in rules {
            let ruleDays = rule.days ?? Weekday.week
            if ruleDays.contains(.publicHoliday) { mentionsHolidays = true }
            for day in ruleDays {
                if rule.isOff {
                    days[day] = []
                } else if rule.isAdditional {
                    days[day, default: []].append(contentsOf: rule.spans ?? [TimeSpan(start: 0, end: 24 * 60)])
                } else {
                    // Hours that do not overlap the replaced ones were probably meant to be added.
                    if let earlier = setBy[day], let spans = rule.spans, rule.days != nil, !(days[day] ?? []).isEmpty,
                        !spans.contains(where: { span in days[day]!.contains { $0.start < span.end && span.start < $0.end } })
                    {
                        warnReplacement(of: earlier, by: rule, day: day)
                    }
                    days[day] = rule.spans ?? [TimeSpan(start: 0, end: 24 * 60)]
                }
                setBy[day] = rule
            }
        }
        for day in days.keys { days[day] = Array(Set(days[day]!)).sorted() }
        return OpeningHours(text: text, days: days, mentionsPublicHolidays: mentionsHolidays)
    }

    private mutating func warnReplacement(of earlier: Rule, by rule: Rule, day: Weekday) {
        guard !warnings.contains(where: { $0.location == place(rule.column) }) else { return }
        warnings.append(.warning(
            "'\(rule.text)' replaces the hours that '\(earlier.text)' gives \(day.code): after ';' a rule overrides "
                + "(OpenStreetMap syntax); to add these hours to \(day.code), join the rules with ',' instead", at: place(rule.column)))
    }

    // MARK: Reading

    private var isAtEnd: Bool { index >= scalars.count }
    private func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        index += 1
        return true
    }

    private func matches(_ word: String) -> Bool {
        let wordScalars = Array(word.unicodeScalars)
        guard index + wordScalars.count <= scalars.count, Array(scalars[index..<(index + wordScalars.count)]) == wordScalars else { return false }
        let after = index + wordScalars.count
        return after == scalars.count || !scalars[after].properties.isAlphabetic
    }

    private mutating func consume(word: String) -> Bool {
        guard matches(word) else { return false }
        index += word.unicodeScalars.count
        return true
    }

    private mutating func skipSpaces() {
        while peek() == " " || peek() == "\t" { index += 1 }
    }

    private func place(_ offset: Int) -> SourceLocation {
        SourceLocation(file: origin.file, line: origin.line, column: origin.column + offset)
    }

    private func error(_ message: String) -> DiagnosticError { error(at: index, message) }

    private func error(at offset: Int, _ message: String) -> DiagnosticError {
        DiagnosticError("invalid opening_hours: \(message)", at: place(offset))
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var result = Substring(self)
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
