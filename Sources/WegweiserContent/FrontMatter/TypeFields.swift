/// The fields of each content type (SPEC §2), so that a misspelt field gets a suggestion.
public enum TypeFields {
    public static let report = [
        "municipality", "state", "programme", "period", "integrators", "partners", "topics", "status", "metrics",
    ]
    public static let contact = [
        "organization", "category", "services", "languages", "address", "geo", "phone", "email", "website",
        "opening_hours", "wheelchair", "appointment", "target_groups", "last_verified",
    ]
    public static let event = [
        "start", "end", "all_day", "location", "organizer", "languages", "cost", "registration", "recurrence",
        "cancelled", "category",
    ]

    /// Every typed field, for suggestions on any page.
    public static let all = Array(Set(report + contact + event)).sorted()
}
