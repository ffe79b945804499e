import Foundation
import WegweiserCore

/// A telephone number as written, and its `tel:` form.
public struct PhoneNumber: Sendable, Hashable {
    public var written: String
    /// Digits with a leading `+` where given: `+4935527862`.
    public var dialable: String

    public var telURI: String { "tel:" + dialable }
}

/// A postal address.
public struct PostalAddress: Sendable, Hashable {
    public var street: String?
    public var postalCode: String?
    public var city: String?

    /// One line: "Weißdornweg 70, 03040 Cottbus".
    public var singleLine: String {
        [street, [postalCode, city].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: ", ")
    }
}

/// A point on the map.
public struct GeoPoint: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
}

extension DataNode {
    /// An http or https address.
    func webAddress(for field: String) throws(DiagnosticError) -> URL {
        let text = try nonEmptyString(for: field)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, host.contains(".") || host == "localhost"
        else {
            throw DiagnosticError("'\(field)' must be a web address like https://example.org/, not '\(text)'", at: location)
        }
        return url
    }

    func email(for field: String) throws(DiagnosticError) -> String {
        let text = try nonEmptyString(for: field)
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
        else {
            throw DiagnosticError("'\(field)' must be one e-mail address like name@example.org, not '\(text)'", at: location)
        }
        return text
    }

    func phone(for field: String) throws(DiagnosticError) -> PhoneNumber {
        let text = try nonEmptyString(for: field)
        let allowed = Set("0123456789+ -/().")
        guard text.allSatisfy(allowed.contains), text.filter(\.isNumber).count >= 3, !text.dropFirst().contains("+") else {
            throw DiagnosticError(
                "'\(field)' must be a telephone number of digits, spaces, '+', '-', '/', '(' and ')', like +49 355 278-62, not '\(text)'",
                at: location)
        }
        let digits = text.filter(\.isNumber)
        return PhoneNumber(written: text, dialable: (text.hasPrefix("+") ? "+" : "") + digits)
    }

    /// BCP 47 codes, each checked at its own place.
    func languageCodes(for field: String) throws(DiagnosticError) -> [LanguageCode] {
        let items: [DataNode] = if case .list(let list) = value { list } else { [self] }
        var codes: [LanguageCode] = []
        for item in items {
            let text = try item.nonEmptyString(for: field)
            guard let code = LanguageCode(text) else {
                throw DiagnosticError("'\(text)' in '\(field)' is not a language code (BCP 47, like de, ar, uk, fa, ti)", at: item.location)
            }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    func geoPoint(for field: String) throws(DiagnosticError) -> GeoPoint {
        guard case .map = value, let lat = self["lat"], let lon = self["lon"] else {
            throw DiagnosticError("'\(field)' must be a map {lat: 51.75, lon: 14.35}", at: location)
        }
        let latitude = try lat.number(for: "lat", in: -90...90)
        let longitude = try lon.number(for: "lon", in: -180...180)
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    func number(for field: String, in range: ClosedRange<Double>) throws(DiagnosticError) -> Double {
        let text = try string(for: field)
        guard let number = Double(text.trimmingSpaces()), number.isFinite else {
            throw DiagnosticError("'\(field)' must be a number, not '\(text)'", at: location)
        }
        guard range.contains(number) else {
            throw DiagnosticError("'\(field)' must lie between \(Int(range.lowerBound)) and \(Int(range.upperBound)), not \(text)", at: location)
        }
        return number
    }

    func postalAddress(for field: String) throws(DiagnosticError) -> PostalAddress {
        guard case .map(let entries) = value else {
            throw DiagnosticError("'\(field)' must be a map {street: …, postal_code: …, city: …}", at: location)
        }
        for entry in entries where !["street", "postal_code", "city"].contains(entry.key) {
            throw DiagnosticError(
                "'\(field)' has no field '\(entry.key)'\(Suggestions.hint(for: entry.key, in: ["street", "postal_code", "city"])); it takes street, postal_code and city",
                at: entry.keyLocation)
        }
        return PostalAddress(
            street: try self["street"].map { node throws(DiagnosticError) in try node.string(for: "street") },
            postalCode: try self["postal_code"].map { node throws(DiagnosticError) in try node.string(for: "postal_code") },
            city: try self["city"].map { node throws(DiagnosticError) in try node.string(for: "city") })
    }
}
