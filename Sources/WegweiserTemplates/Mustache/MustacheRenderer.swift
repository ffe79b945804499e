import WegweiserCore

/// Renders parsed templates against `TemplateValue`s, with swift-mustache's semantics: names are looked
/// up through the context stack, a list section repeats with `first()`, `last()`, `index()` for its
/// position, a partial inherits the block overrides of the templates around it (the outermost wins),
/// and the lines of a standalone partial or block are indented like its tag.
struct MustacheRenderer: Sendable {
    let templates: [String: MustacheTemplate]

    func render(_ name: String, context: TemplateValue) -> String {
        guard let template = templates[name] else { return "" }
        var output = ""
        output.reserveCapacity(16 * 1024)
        var state = State(stack: [context])
        render(template.nodes, state: &state, into: &output)
        return output
    }

    private struct Position {
        var first: Bool
        var last: Bool
        var index: Int

        func transform(_ name: String) -> TemplateValue? {
            switch name {
            case "first": .bool(first)
            case "last": .bool(last)
            case "index": .int(index)
            case "even": .bool(index & 1 == 0)
            case "odd": .bool(index & 1 == 1)
            default: nil
            }
        }
    }

    /// What rendering has reached. One state is threaded through the whole page: sections push onto
    /// its stack and restore what they changed, so a list entry costs no copy of the stack.
    private struct State {
        var stack: [TemplateValue]
        var position: Position?
        var indentation: String?
        var overrides: [String: [MustacheTemplate.Node]]?
        var escapes = true
    }

    /// Renders `nodes` with `value` (if any) on top of the stack at `position`; the stack, the position
    /// and the escaping mode are as before afterwards.
    private func render(
        _ nodes: [MustacheTemplate.Node], pushing value: TemplateValue?, at position: Position?, state: inout State,
        into output: inout String
    ) {
        let saved = (position: state.position, escapes: state.escapes)
        if let value { state.stack.append(value) }
        state.position = position
        render(nodes, state: &state, into: &output)
        if value != nil { state.stack.removeLast() }
        state.position = saved.position
        state.escapes = saved.escapes
    }

    private func render(_ nodes: [MustacheTemplate.Node], state: inout State, into output: inout String) {
        guard let indentation = state.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, state: &state, into: &output) }
            return
        }
        // Every line this template writes after its first starts with the indentation.
        var local = ""
        for node in nodes {
            var piece = ""
            render(node, state: &state, into: &piece)
            if !piece.isEmpty, local.last == "\n" { local += indentation }
            local += piece
        }
        output += local
    }

    private func render(_ node: MustacheTemplate.Node, state: inout State, into output: inout String) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            guard let value = lookup(name, in: state) else { return }
            if case .string(let text) = value {
                if escaped && state.escapes { output.appendHTMLEscaped(text) } else { output += text }
            } else {
                output += escaped && state.escapes ? value.text.htmlEscaped : value.text
            }
        case .section(let name, let inverted, let nodes):
            let value = lookup(name, in: state)
            if inverted {
                renderInverted(value, nodes, state: &state, into: &output)
            } else {
                renderSection(value, nodes, state: &state, into: &output)
            }
        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            let saved = (indentation: state.indentation, overrides: state.overrides)
            if let indentation { state.indentation = (state.indentation ?? "") + indentation }
            if let overrides {
                // The overrides of the templates around this one win over its own.
                state.overrides = (state.overrides ?? [:]).merging(overrides) { outer, _ in outer }
            }
            let escapes = state.escapes
            state.escapes = true
            render(template.nodes, pushing: nil, at: nil, state: &state, into: &output)
            state.escapes = escapes
            state.indentation = saved.indentation
            state.overrides = saved.overrides
        case .block(let name, let defaults, let indentation):
            let saved = state.indentation
            state.indentation = (saved ?? "") + indentation
            render(state.overrides?[name] ?? defaults, pushing: nil, at: state.position, state: &state, into: &output)
            state.indentation = saved
        case .escaping(let escapes):
            state.escapes = escapes
        case .blockDefinition:
            break
        }
    }

    private func renderSection(
        _ value: TemplateValue?, _ nodes: [MustacheTemplate.Node], state: inout State, into output: inout String
    ) {
        switch value {
        case .list(let items)?:
            for (index, item) in items.enumerated() {
                render(
                    nodes, pushing: item, at: Position(first: index == 0, last: index == items.count - 1, index: index),
                    state: &state, into: &output)
            }
        case .bool(let flag)?:
            guard flag else { return }
            render(nodes, pushing: nil, at: state.position, state: &state, into: &output)
        case .null?, nil:
            return
        case let value?:
            render(nodes, pushing: value, at: nil, state: &state, into: &output)
        }
    }

    private func renderInverted(
        _ value: TemplateValue?, _ nodes: [MustacheTemplate.Node], state: inout State, into output: inout String
    ) {
        switch value {
        case .list(let items)?:
            guard items.isEmpty else { return }
            render(nodes, pushing: .list(items), at: nil, state: &state, into: &output)
        case .bool(let flag)?:
            guard !flag else { return }
            render(nodes, pushing: nil, at: state.position, state: &state, into: &output)
        case .null?, nil:
            render(nodes, pushing: nil, at: state.position, state: &state, into: &output)
        case .some:
            return
        }
    }

    /// The value of a name, after its transforms; nil when it is not there or a transform does not apply.
    private func lookup(_ name: MustacheName, in state: State) -> TemplateValue? {
        var value: TemplateValue?
        switch name.root {
        case .sequence:
            guard let position = state.position else { return nil }
            // A position's transforms give the value; any further ones apply to it.
            guard let innermost = name.transforms.last, let found = position.transform(innermost) else { return nil }
            return apply(name.transforms.dropLast(), to: found)
        case .current:
            value = state.stack.last
            for (part, hash) in zip(name.path, name.hashes) {
                guard let next = value?.child(part, hash: hash) else { return nil }
                value = next
            }
        case .stack:
            guard let first = name.path.first, let hash = name.hashes.first else {
                value = state.stack.last
                break
            }
            // Through a buffer pointer the stack's values are read in place, not copied (and
            // retained) level by level.
            value = state.stack.withUnsafeBufferPointer { stack in
                var level = stack.count - 1
                while level >= 0 {
                    if case .map(let map) = stack[level], let found = map.value(for: first, hash: hash) { return found }
                    level -= 1
                }
                return nil
            }
            var index = 1
            while index < name.path.count {
                guard let next = value?.child(name.path[index], hash: name.hashes[index]) else { return nil }
                value = next
                index += 1
            }
        }
        guard let value else { return nil }
        return name.transforms.isEmpty ? value : apply(name.transforms[...], to: value)
    }

    private func apply(_ transforms: ArraySlice<String>, to value: TemplateValue) -> TemplateValue? {
        var value = value
        for transform in transforms.reversed() {
            guard let next = value.transform(transform) else { return nil }
            value = next
        }
        return value
    }
}
