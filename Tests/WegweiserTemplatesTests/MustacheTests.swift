import Testing

@testable import WegweiserTemplates

/// The Mustache engine: the spec's tags and whitespace rules, and swift-mustache's parents, blocks
/// and transforms, which themes written before it rely on.
@Suite struct MustacheTests {
    func render(_ templates: [String: String], _ name: String = "main", _ context: [String: Any]) throws -> String {
        var parsed: [String: MustacheTemplate] = [:]
        for (templateName, text) in templates { parsed[templateName] = try MustacheTemplate(text) }
        return MustacheRenderer(templates: parsed).render(name, context: TemplateValue(context))
    }

    func render(_ template: String, _ context: [String: Any]) throws -> String {
        try render(["main": template], "main", context)
    }

    @Test func escapesVariablesUnlessTripled() throws {
        let context: [String: Any] = ["x": "<a href=\"q\">&'</a>"]
        #expect(
            try render("{{x}}|{{{x}}}|{{&x}}", context)
                == "&lt;a href=&quot;q&quot;&gt;&amp;&#39;&lt;/a&gt;|<a href=\"q\">&'</a>|<a href=\"q\">&'</a>")
        #expect(try render("{{n}} {{b}} {{missing}}", ["n": 3, "b": true]) == "3 true ")
    }

    /// Contexts are plain Swift values; the common types take a fast path by their type, the rest
    /// the casts: each must come out as the same template value.
    @Test func convertsEveryKindOfContextValue() throws {
        let none: String? = nil
        let context: [String: Any] = [
            "maps": [["a": "1"], ["a": "2"]] as [[String: Any]], "texts": ["x", "y"], "any": ["p", 7] as [Any],
            "typed": ["k": "v"] as [String: String], "ints": [4, 5], "double": 1.5, "flag": false, "missing": none as Any,
            "some": Optional("s") as Any, "sub": "abc".dropFirst(), "value": TemplateValue.string("tv"),
        ]
        #expect(
            try render(
                "{{#maps}}{{a}}{{/maps}}|{{#texts}}{{.}}{{/texts}}|{{#any}}{{.}}{{/any}}|{{typed.k}}|{{#ints}}{{.}}{{/ints}}|"
                    + "{{double}}|{{^flag}}no{{/flag}}|{{^missing}}none{{/missing}}|{{some}}|{{sub}}|{{value}}", context)
                == "12|xy|p7|v|45|1.5|no|none|s|bc|tv")
    }

    @Test func looksNamesUpThroughTheStackAndAlongDots() throws {
        let context: [String: Any] = [
            "site": ["title": "T"], "items": [["name": "a"], ["name": "b", "site": ["title": "inner"]]],
        ]
        #expect(try render("{{#items}}{{name}}:{{site.title}} {{/items}}", context) == "a:T b:inner ")
        #expect(try render("{{#items}}{{.name}}{{/items}}", context) == "ab")
        #expect(try render("{{#list}}<{{.}}>{{/list}}", ["list": ["x", "y"]]) == "<x><y>")
    }

    @Test func rendersSectionsByTheKindOfValue() throws {
        let context: [String: Any] = [
            "yes": true, "no": false, "empty": [Any](), "text": "", "map": ["k": "v"],
            "none": Optional<String>.none as Any,
        ]
        #expect(
            try render(
                "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#text}}T{{/text}}{{#map}}{{k}}{{/map}}{{#none}}X{{/none}}",
                context) == "YTv")
        #expect(
            try render(
                "{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^text}}T{{/text}}{{^missing}}M{{/missing}}{{^none}}X{{/none}}",
                context) == "NEMX")
    }

    @Test func knowsThePositionInAListAndAppliesTransforms() throws {
        let context: [String: Any] = ["items": ["a", "b", "c"], "none": [Any](), "word": "wort"]
        #expect(
            try render("{{#items}}{{index()}}{{.}}{{^last()}}, {{/last()}}{{#first()}}!{{/first()}}{{/items}}", context)
                == "0a, !1b, 2c")
        #expect(
            try render(
                "{{count(items)}} {{#empty(none)}}empty{{/empty(none)}} {{^empty(items)}}full{{/empty(items)}}", context
            ) == "3 empty full")
        #expect(try render("{{uppercased(word)}} {{first(items)}} {{plusone(count(items))}}", context) == "WORT a 4")
        #expect(try render("{{last()}}", context) == "", "no list, no position")
    }

    @Test func dropsStandaloneTagLinesAndComments() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n{{! a note }}\n</ul>\n"
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a {{#x}}b{{/x}} c\n", ["x": true]) == "a b c\n")
    }

    @Test func indentsAStandalonePartialLikeItsTag() throws {
        let templates = ["main": "<div>\n  {{> item}}\n</div>\n", "item": "<p>\n{{text}}\n</p>\n"]
        #expect(try render(templates, "main", ["text": "t"]) == "<div>\n  <p>\n  t\n  </p>\n</div>\n")
    }

    @Test func fillsTheBlocksOfAParentTheOutermostOverrideWinning() throws {
        let templates = [
            "baseof": "<main>\n{{$main}}\ndefault\n{{/main}}\n</main>\n{{$foot}}foot{{/foot}}\n",
            "page": "{{<baseof}}\n{{$main}}\n<h1>{{title}}</h1>\n{{> part}}\n{{/main}}\n{{/baseof}}\n",
            "part": "{{$note}}note{{/note}}\n",
            "outer": "{{<page}}{{$note}}outer note{{/note}}{{/page}}",
        ]
        #expect(try render(templates, "page", ["title": "T"]) == "<main>\n<h1>T</h1>\nnote\n</main>\nfoot\n")
        #expect(try render(templates, "outer", ["title": "T"]) == "<main>\n<h1>T</h1>\nouter note\n</main>\nfoot\n")
    }

    @Test func changesDelimitersAndEscaping() throws {
        #expect(try render("{{=<% %>=}}<% x %> {{x}}", ["x": "1"]) == "1 {{x}}")
        #expect(try render("{{% CONTENT_TYPE: TEXT }}{{x}}", ["x": "<b>"]) == "<b>")
    }

    @Test(arguments: [
        ("a\n{{#x}}b\n", "a section is never closed; add {{/x}}", 3, 1),
        ("{{#x}}\n{{/y}}", "this closing tag does not match the section that is open ({{#x}})", 2, 4),
        ("line\n  {{name", "this tag is not finished; close it with }}", 2, 9),
        ("{{/x}}", "this closing tag closes no section", 1, 4),
        ("{{<p}}text{{x}}{{/p}}", "only {{$block}} overrides may stand inside {{<parent}}", 1, 22),
        ("{{! never closed", "this comment is never closed; close it with }}", 1, 17),
        ("{{{x}}", "this tag is not finished; close it with }}}", 1, 7),
        ("{{>*name}}", "dynamic partial names ({{>*name}}) are not supported", 1, 11),
        ("{{=<%>=}}", "invalid set-delimiter tag; write it like {{=<% %>=}}", 1, 10),
        ("{{<p}}{{$empty(b)}}{{/b}}{{/p}}", "a transform cannot be applied to a block", 1, 20),
        ("{{% COLOUR: red }}", "invalid {{% pragma }} tag; only {{% CONTENT_TYPE: HTML }} and TEXT are known", 1, 19),
    ])
    func reportsSyntaxErrorsWithTheirPlace(template: String, message: String, line: Int, column: Int) {
        #expect {
            _ = try MustacheTemplate(template)
        } throws: { error in
            guard let error = error as? MustacheTemplate.ParseError else { return false }
            return error.message == message && error.line == line && error.column == column
        }
    }
}

/// Template maps must behave as the dictionaries they replaced, small (searched entry by entry) and
/// large (with a table of slots), through sets, replacements, removals and merges.
@Suite struct TemplateMapTests {
    @Test(arguments: [0, 1, 8, 9, 17, 100])
    func holdsWhatADictionaryHolds(count: Int) {
        var map = TemplateMap()
        var dictionary: [String: TemplateValue] = [:]
        for index in 0..<count {
            map["key\(index)"] = .int(index)
            dictionary["key\(index)"] = .int(index)
        }
        for index in stride(from: 0, to: count, by: 3) {
            map["key\(index)"] = .string("again \(index)")
            dictionary["key\(index)"] = .string("again \(index)")
        }
        for index in stride(from: 1, to: count, by: 4) {
            map["key\(index)"] = nil
            dictionary["key\(index)"] = nil
        }
        map["missing"] = nil
        #expect(map.count == dictionary.count)
        #expect(map.dictionary.mapValues(\.text) == dictionary.mapValues(\.text))
        for index in 0..<(count + 5) {
            let key = "key\(index)"
            #expect(map[key]?.text == dictionary[key]?.text)
            #expect(map.value(for: key, hash: TemplateMap.hash(key))?.text == dictionary[key]?.text)
        }
        #expect(map[""] == nil && map["key"] == nil)
    }

    @Test func mergesWithTheOtherMapWinning() {
        var map: TemplateMap = ["a": "1", "b": "2"]
        var other = TemplateMap()
        for index in 0..<12 { other["k\(index)"] = .int(index) }
        other["b"] = "new"
        map.merge(other)
        #expect(map.count == 14)
        #expect(map["a"]?.text == "1" && map["b"]?.text == "new" && map["k11"]?.text == "11")
        let literal: TemplateMap = ["x": "first", "x": "last"]
        #expect(literal.count == 1 && literal["x"]?.text == "last")
    }

    @Test func hashesKeysByTheirBytes() {
        #expect(TemplateMap.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(TemplateMap.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(TemplateMap.hash("Straße") != TemplateMap.hash("Strasse"))
    }
}
