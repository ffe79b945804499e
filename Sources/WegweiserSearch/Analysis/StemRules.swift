/// A light stemmer as data: steps of suffix, prefix or infix rewrites. The index carries its
/// language's rules, and `engine.mjs` applies them to the query with the same few lines of code, so
/// both sides always stem alike and the rules of a language live in one place.
///
/// A suffix (or prefix) step rewrites the longest matching ending that leaves at least `minimum`
/// characters, up to `repeats` times; a replace step rewrites every occurrence, left to right. Words
/// shorter than `minimumWordLength` and words with digits are left as they are.
public struct StemRules: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case suffix, prefix, replace
    }

    public struct Step: Sendable, Hashable {
        public var kind: Kind
        /// `(from, to)` pairs, in normalized spelling, longest `from` first.
        public var rules: [Rule]
        public var minimum: Int
        public var repeats: Int

        public init(_ kind: Kind, _ rules: [(String, String)], minimum: Int = 3, repeats: Int = 1) {
            self.kind = kind
            var seen = Set<String>()
            self.rules = rules.compactMap { from, to in
                let rule = Rule(from: TextNormalizer.normalize(from), to: TextNormalizer.normalize(to))
                return seen.insert(rule.from).inserted ? rule : nil
            }
            if kind != .replace {
                self.rules = self.rules.enumerated().sorted {
                    ($0.element.fromScalars.count, -$0.offset) > ($1.element.fromScalars.count, -$1.offset)
                }.map(\.element)
            }
            self.minimum = minimum
            self.repeats = repeats
        }
    }

    public struct Rule: Sendable, Hashable {
        public let from: String
        public let to: String
        let fromScalars: [Unicode.Scalar]
        let toScalars: [Unicode.Scalar]

        init(from: String, to: String) {
            self.from = from
            self.to = to
            self.fromScalars = Array(from.unicodeScalars)
            self.toScalars = Array(to.unicodeScalars)
        }
    }

    public var steps: [Step]
    public var minimumWordLength: Int
    /// Whether the language writes compounds as one word (German "Migrationsberatung"), so a large
    /// index also lists a compound under its parts.
    public var joinsCompounds: Bool

    public init(steps: [Step] = [], minimumWordLength: Int = 3, joinsCompounds: Bool = false) {
        self.steps = steps
        self.minimumWordLength = minimumWordLength
        self.joinsCompounds = joinsCompounds
    }

    /// Whether this language has a stemmer at all.
    public var isEmpty: Bool { steps.isEmpty }

    public func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        guard !steps.isEmpty, scalars.count >= minimumWordLength,
            !scalars.contains(where: { (0x30...0x39).contains($0.value) })
        else { return word }
        for step in steps {
            switch step.kind {
            case .replace:
                for rule in step.rules { scalars = Self.replacing(rule, in: scalars) }
            case .suffix, .prefix:
                for _ in 0..<step.repeats {
                    guard let rule = step.rules.first(where: { rule in
                        scalars.count - rule.fromScalars.count >= step.minimum
                            && (step.kind == .suffix ? scalars.ends(with: rule.fromScalars) : scalars.starts(with: rule.fromScalars))
                    }) else { break }
                    if step.kind == .suffix {
                        scalars = Array(scalars.dropLast(rule.fromScalars.count)) + rule.toScalars
                    } else {
                        scalars = rule.toScalars + scalars.dropFirst(rule.fromScalars.count)
                    }
                    if rule.from == rule.to { break }
                }
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func replacing(_ rule: Rule, in scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let from = rule.fromScalars
        guard !from.isEmpty, scalars.count >= from.count else { return scalars }
        var result: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            if index + from.count <= scalars.count, scalars[index..<index + from.count].elementsEqual(from) {
                result += rule.toScalars
                index += from.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return result
    }

    /// The rules as the index carries them to `engine.mjs`.
    public var jsonValue: [String: Any] {
        [
            "min": minimumWordLength,
            "steps": steps.map { step -> [String: Any] in
                ["kind": step.kind.rawValue, "min": step.minimum, "repeats": step.repeats, "rules": step.rules.map { [$0.from, $0.to] }]
            },
        ]
    }
}

extension Array where Element == Unicode.Scalar {
    fileprivate func ends(with suffix: [Unicode.Scalar]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
