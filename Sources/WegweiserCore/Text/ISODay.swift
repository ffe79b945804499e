import Foundation

extension Date {
    /// The calendar day of this moment in `timeZone`, as ISO 8601 writes it: `2026-11-26`.
    public func isoDay(in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: self)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
