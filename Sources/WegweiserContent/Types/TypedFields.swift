import Foundation
import WegweiserCore

/// What a report is about (SPEC §2).
public struct ReportFields: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case planned, active, completed
    }

    public struct Metric: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    public var municipality: String?
    public var state: String?
    public var programme: String?
    public var periodStart: ContentDate?
    public var periodEnd: ContentDate?
    public var integrators: [String] = []
    public var partners: [String] = []
    public var topics: [String] = []
    public var status: Status?
    public var metrics: [Metric] = []
}

/// An office, counselling service or initiative of a directory (SPEC §2).
public struct ContactFields: Sendable, Hashable {
    public enum Wheelchair: String, Sendable, Hashable, CaseIterable {
        case yes, limited, no
    }

    public enum Appointment: String, Sendable, Hashable, CaseIterable {
        case required, recommended, no
    }

    public var organization: String?
    public var category: String?
    public var services: [String] = []
    /// The languages spoken there.
    public var languages: [LanguageCode] = []
    public var address: PostalAddress?
    public var geo: GeoPoint?
    public var phone: PhoneNumber?
    public var email: String?
    public var website: URL?
    public var openingHours: OpeningHours?
    public var wheelchair: Wheelchair?
    public var appointment: Appointment?
    public var targetGroups: [String] = []
    public var lastVerified: ContentDate?
}

/// An event (SPEC §2).
public struct EventFields: Sendable, Hashable {
    /// Where an event takes place: a contact of the directory, named by its key, or an address.
    public enum Place: Sendable, Hashable {
        case contact(key: String)
        case address(String)
    }

    public var start: ContentDate
    public var end: ContentDate?
    public var allDay = false
    public var location: Place?
    /// The key of the contact that organises it.
    public var organizer: String?
    public var languages: [LanguageCode] = []
    public var cost: String?
    public var registration: URL?
    public var recurrence: RecurrenceRule?
    public var cancelled = false
    public var category: String?
}

/// The fields of a page's type.
public enum TypedFields: Sendable, Hashable {
    case report(ReportFields)
    case contact(ContactFields)
    case event(EventFields)
    case none

    public var report: ReportFields? { if case .report(let fields) = self { fields } else { nil } }
    public var contact: ContactFields? { if case .contact(let fields) = self { fields } else { nil } }
    public var event: EventFields? { if case .event(let fields) = self { fields } else { nil } }
}
