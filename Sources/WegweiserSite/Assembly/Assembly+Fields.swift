import Foundation
import WegweiserContent
import WegweiserCore

extension Assembly {
    /// The typed fields of a source, read once however many language versions show it.
    /// Decodes the typed fields of every page source in parallel, ahead of the (serial) page
    /// building that asks for them; diagnostics are kept in the order of the sources.
    mutating func decodeTypedFields() async {
        var work: [(key: String, source: PageSource, type: String)] = []
        var seen = Set<String>()
        for path in tree.pathsTopDown {
            guard let node = tree[path] else { continue }
            for groupIndex in node.pageGroups {
                for source in groups[groupIndex].sources.values.sorted(by: { $0.language < $1.language }) {
                    let type = source.frontMatter.type ?? node.type
                    let key = Self.typedFieldsKey(source, type: type)
                    if seen.insert(key).inserted { work.append((key, source, type)) }
                }
            }
        }
        let timeZone = config.timeZone
        let decoded = await work.concurrentMap(jobs: site.options.jobs, chunkSize: 32) { item in
            TypedFieldsDecoder.decode(
                type: item.type, fields: item.source.frontMatter.params, file: item.source.displayPath, timeZone: timeZone)
        }
        typedFieldsCache.reserveCapacity(typedFieldsCache.count + work.count)
        for (item, (fields, found)) in zip(work, decoded) {
            typedFieldsCache[item.key] = fields
            report(found, for: item.source)
        }
    }

    static func typedFieldsKey(_ source: PageSource, type: String) -> String {
        source.identity + "\u{0}" + type
    }

    mutating func typedFields(of source: PageSource, type: String) -> TypedFields {
        let key = Self.typedFieldsKey(source, type: type)
        if let known = typedFieldsCache[key] { return known }
        let (fields, found) = TypedFieldsDecoder.decode(
            type: type, fields: source.frontMatter.params, file: source.displayPath, timeZone: config.timeZone)
        report(found, for: source)
        typedFieldsCache[key] = fields
        return fields
    }

    /// Links each event to the directory entries it names, in the event page's language; a name that
    /// no contact has is an error at its field.
    mutating func resolveEventReferences() {
        contacts = contactGroups()
        var reported = Set<String>()
        for index in site.pages.indices where site.pages[index].fields.event != nil {
            resolveEventReferences(of: site.pages[index].id, contacts: contacts, reported: &reported)
        }
    }

    /// Contact key → the translation keys of the contacts called so (more than one is an error).
    func contactGroups() -> [String: [String]] {
        var contacts: [String: [String]] = [:]
        for page in site.pages where page.kind == .page && page.type == "contact" {
            let key = page.key
            if !(contacts[key] ?? []).contains(page.translationKey) { contacts[key, default: []].append(page.translationKey) }
        }
        return contacts
    }

    /// Links one event page to its place and organizer; `reported` keeps each problem to one message
    /// however many language versions show the event.
    mutating func resolveEventReferences(of id: PageID, contacts: [String: [String]], reported: inout Set<String>) {
        let page = site[id]
        site.pages[id.rawValue].eventPlace = nil
        site.pages[id.rawValue].eventOrganizer = nil
        guard let event = page.fields.event else { return }
        var found = Diagnostics()
        if case .contact(let key)? = event.location {
            site.pages[id.rawValue].eventPlace = resolve(key, field: "location", on: page, contacts: contacts, reported: &reported, into: &found)
        }
        if let key = event.organizer {
            site.pages[id.rawValue].eventOrganizer = resolve(key, field: "organizer", on: page, contacts: contacts, reported: &reported, into: &found)
        }
        if let source = bodies[id] { report(found, for: source) } else { diagnostics.append(contentsOf: found) }
    }

    private func resolve(
        _ key: String, field: String, on page: Page, contacts: [String: [String]], reported: inout Set<String>,
        into diagnostics: inout Diagnostics
    ) -> PageID? {
        let location = page.location(of: field)
        // Reported on the page in the file's own language (a fallback page may come first).
        let first = !page.isFallback && reported.insert("\(page.translationKey)@\(page.contentLanguage)#\(field)").inserted
        guard let groups = contacts[key] else {
            if first {
                if unpublished.keys.contains(where: { SectionTree.lastSegment(of: $0) == key }) {
                    diagnostics.warning("'\(field)' names '\(key)', a contact that is a draft or dated in the future", at: location)
                } else {
                    diagnostics.error(
                        "'\(field)' names '\(key)' but no contact has that key\(Suggestions.hint(for: key, in: contacts.keys))",
                        at: location)
                }
            }
            return nil
        }
        if groups.count > 1, first {
            diagnostics.error("'\(field)' names '\(key)', which more than one contact is called; rename one of them", at: location)
        }
        let group = site.translationGroups[groups[0]] ?? [:]
        return group[page.language] ?? config.fallbackChain(for: page.language).lazy.compactMap { group[$0] }.first
    }

    /// When each event takes place, from "now": the next dates of a recurring event, or its one date.
    mutating func scheduleEvents() async {
        let now = site.options.now
        let horizon = scheduleHorizon
        // The language versions of an event share their fields: each schedule is worked out once,
        // the different ones in parallel.
        var events: [EventFields] = []
        var seen = Set<EventFields>()
        for page in site.pages {
            if let event = page.fields.event, seen.insert(event).inserted { events.append(event) }
        }
        let timeZone = config.timeZone
        let computed = await events.concurrentMap(jobs: site.options.jobs, chunkSize: 8) { event in
            Self.schedule(of: event, now: now, horizon: horizon, timeZone: timeZone)
        }
        let schedules = Dictionary(zip(events, computed), uniquingKeysWith: { first, _ in first })
        for index in site.pages.indices {
            guard let event = site.pages[index].fields.event else { continue }
            site.pages[index].schedule = schedules[event]
        }
    }

    /// How far ahead occurrences are looked for.
    var scheduleHorizon: Date {
        Calendar(identifier: .gregorian).date(byAdding: .year, value: 5, to: site.options.now)!
    }

    static func schedule(of event: EventFields, now: Date, horizon: Date, timeZone: TimeZone) -> EventSchedule {
        let start = event.start.instant
        let duration = Self.duration(of: event, timeZone: timeZone)
        guard let rule = event.recurrence else {
            let isRunning = start.addingTimeInterval(duration) >= now
            return EventSchedule(upcoming: isRunning ? [start] : [], lastStart: start <= now ? start : nil, duration: duration)
        }
        // One walk: the last occurrence up to now (still upcoming while it runs), then five more.
        var lastStart: Date?
        var later: [Date] = []
        rule.forEachOccurrence(from: start, timeZone: timeZone, horizon: horizon) { moment in
            if moment <= now {
                lastStart = moment
                return true
            }
            later.append(moment)
            return later.count < 5
        }
        let running = lastStart.flatMap { $0.addingTimeInterval(duration) >= now ? $0 : nil }
        let upcoming = Array(([running].compactMap { $0 } + later).prefix(5))
        return EventSchedule(upcoming: upcoming, lastStart: lastStart, duration: duration)
    }

    /// How long one occurrence lasts. An all-day event lasts whole days: up to the end of its `end` day
    /// (a date names the last day), counted in the calendar so summer time does not shift the days.
    static func duration(of event: EventFields, timeZone: TimeZone) -> TimeInterval {
        let start = event.start.instant
        guard event.allDay else { return event.end.map { max(0, $0.instant.timeIntervalSince(start)) } ?? 0 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let firstDay = calendar.startOfDay(for: start)
        var lastDay = firstDay
        if let end = event.end {
            lastDay = calendar.startOfDay(for: end.hasTime ? end.instant.addingTimeInterval(-1) : end.instant)
        }
        let after = calendar.date(byAdding: .day, value: 1, to: max(firstDay, lastDay))!
        return after.timeIntervalSince(start)
    }
}
