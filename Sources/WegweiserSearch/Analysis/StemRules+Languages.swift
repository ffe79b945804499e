import WegweiserCore

/// Light stemmers for the languages of our readers: they strip inflection, not derivation, so
/// "Beratungen" meets "Beratung" and "роботи" meets "робота", while "Beratung" and "beraten" stay apart.
/// Rules are written in plain spelling and normalized like the text. A language without rules is
/// searched by exact words, prefixes, parts of compounds and typo tolerance.
extension StemRules {
    public static func forLanguage(_ language: LanguageCode) -> StemRules {
        switch language.primaryLanguage {
        case "de": german
        case "en": english
        case "ar": arabic
        case "fa", "prs": persian
        case "uk": ukrainian
        case "ru": russian
        case "tr": turkish
        case "fr": french
        case "es", "pt", "ca", "it": romance
        case "nl", "sv", "da", "nb", "nn", "no", "fi", "is": StemRules(joinsCompounds: true)
        default: StemRules()
        }
    }

    /// Cases and plurals (Snowball's first step), run twice so "Kurse" → "Kurs" → "Kur" meets "Kurs" → "Kur".
    static let german = StemRules(
        steps: [
            Step(.suffix, [("innen", "in"), ("ern", ""), ("em", ""), ("er", ""), ("en", ""), ("es", ""), ("e", "")]
                + "bdfghklmnrt".map { (String($0) + "s", String($0)) }, minimum: 3, repeats: 2)
        ], joinsCompounds: true)

    /// Plurals and verb forms, doubled consonants, then British and American spellings meet
    /// (counselling/counseling, centre/center, colour/color, organise/organize, paediatric/pediatric).
    static let english = StemRules(steps: [
        Step(.replace, [("ae", "e"), ("our", "or")]),
        Step(.suffix, [("sses", "ss"), ("ies", "y"), ("ied", "y"), ("ss", "ss"), ("us", "us"), ("is", "is"), ("s", ""),
                       ("ing", ""), ("ed", "")], minimum: 3),
        Step(.suffix, "bdfglmnprt".map { (String($0) + String($0), String($0)) }, minimum: 3),
        Step(.suffix, [("tre", "ter"), ("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("ogue", "og"),
                       ("mme", "m"), ("is", "iz")], minimum: 3),
        Step(.suffix, [("e", "")], minimum: 3),
    ])

    /// Light10 (Larkey et al.): the article and its proclitics, then a plural or pronoun ending.
    static let arabic = StemRules(steps: [
        Step(.prefix, [("وال", ""), ("بال", ""), ("كال", ""), ("فال", ""), ("لل", ""), ("ال", "")], minimum: 2),
        Step(.prefix, [("و", "")], minimum: 3),
        Step(.suffix, [("ها", ""), ("ان", ""), ("ات", ""), ("ون", ""), ("ين", ""), ("يه", ""), ("ية", ""), ("ه", ""), ("ة", ""),
                       ("ي", "")], minimum: 2),
    ])

    /// Plural and ezafe endings; a zero-width non-joiner already splits "کلاس‌ها" into its parts.
    static let persian = StemRules(steps: [
        Step(.suffix, [("هایی", ""), ("های", ""), ("ها", ""), ("ترین", ""), ("ات", ""), ("ای", ""), ("ی", "")], minimum: 2)
    ])

    /// Case endings of nouns and adjectives and the infinitive (after folding й → и and ї → і).
    static let ukrainian = StemRules(steps: [
        Step(.suffix, [
            ("ами", ""), ("ями", ""), ("ові", ""), ("еві", ""), ("ого", ""), ("ому", ""), ("ими", ""), ("іми", ""),
            ("ій", ""), ("ий", ""), ("ої", ""), ("ою", ""), ("ею", ""), ("єю", ""), ("ом", ""), ("ем", ""),
            ("ам", ""), ("ям", ""), ("ах", ""), ("ях", ""), ("ів", ""), ("їв", ""), ("их", ""), ("іх", ""),
            ("ити", ""), ("ати", ""), ("яти", ""), ("іти", ""), ("им", ""), ("ім", ""),
            ("у", ""), ("ю", ""), ("а", ""), ("я", ""), ("о", ""), ("е", ""), ("є", ""), ("і", ""), ("ї", ""), ("и", ""),
            ("ь", ""),
        ], minimum: 3)
    ])

    static let russian = StemRules(steps: [
        Step(.suffix, [
            ("ами", ""), ("ями", ""), ("ого", ""), ("его", ""), ("ому", ""), ("ему", ""), ("ыми", ""), ("ими", ""),
            ("ой", ""), ("ей", ""), ("ий", ""), ("ый", ""), ("ая", ""), ("яя", ""), ("ое", ""), ("ее", ""), ("ую", ""),
            ("юю", ""), ("ом", ""), ("ем", ""), ("ам", ""), ("ям", ""), ("ах", ""), ("ях", ""), ("ов", ""), ("ев", ""),
            ("ых", ""), ("их", ""), ("ия", ""), ("ие", ""), ("ии", ""), ("ать", ""), ("ять", ""), ("ить", ""), ("еть", ""),
            ("а", ""), ("я", ""), ("о", ""), ("е", ""), ("у", ""), ("ю", ""), ("ы", ""), ("и", ""), ("ь", ""),
        ], minimum: 3)
    ])

    /// Plural, case and possessive endings, at most two (after folding ı → i, ş → s, ü → u …).
    static let turkish = StemRules(steps: [
        Step(.suffix, [
            ("ları", ""), ("leri", ""), ("lar", ""), ("ler", ""), ("nın", ""), ("nin", ""), ("nun", ""), ("nün", ""),
            ("dan", ""), ("den", ""), ("tan", ""), ("ten", ""), ("yla", ""), ("yle", ""), ("da", ""), ("de", ""),
            ("ta", ""), ("te", ""), ("ya", ""), ("ye", ""), ("sı", ""), ("si", ""), ("su", ""), ("sü", ""),
            ("ı", ""), ("i", ""), ("u", ""), ("ü", ""),
        ], minimum: 4, repeats: 2)
    ])

    /// Plural -s/-x, then a final -e (Savoy's light French stemmer).
    static let french = StemRules(steps: [
        Step(.suffix, [("ss", "ss"), ("s", ""), ("x", "")], minimum: 3),
        Step(.suffix, [("e", "")], minimum: 3),
    ])

    /// Plural -s, then the final vowel of gender and number (Spanish, Portuguese, Catalan, Italian).
    static let romance = StemRules(steps: [
        Step(.suffix, [("ss", "ss"), ("s", "")], minimum: 3),
        Step(.suffix, [("a", ""), ("e", ""), ("i", ""), ("o", "")], minimum: 3),
    ])
}
