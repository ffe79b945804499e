import Foundation
import Synchronization
import WegweiserBuild

/// Progress of a build that takes longer than a second: on a terminal a bar on standard error that
/// is redrawn in place and cleared at the end; when standard error is a file or pipe, or with
/// --quiet, a plain line per step and per quarter of the pages. Nothing for quick builds or JSON.
final class ProgressPrinter: Sendable {
    /// The printer a build shows: a bar only on a terminal and without --quiet; none for JSON.
    static func forBuild(quiet: Bool, json: Bool, onTerminal: Bool) -> ProgressPrinter? {
        json ? nil : ProgressPrinter(isTerminal: onTerminal && !quiet)
    }

    /// A bar (a terminal) or plain lines.
    let isTerminal: Bool
    private let write: @Sendable (String) -> Void
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let delay: Duration
    private let state = Mutex(State())

    private struct State {
        var step = ""
        var drawn = false
        var lastDraw: ContinuousClock.Instant?
        var quartersShown = 0
    }

    init(
        isTerminal: Bool, delay: Duration = .seconds(1),
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.isTerminal = isTerminal
        self.delay = delay
        self.write = write
        self.start = clock.now
    }

    func handle(_ event: BuildProgress) {
        let now = clock.now
        let late = now - start >= delay
        state.withLock { state in
            switch event {
            case .step(let name):
                state.step = name
                guard late else { return }
                if isTerminal { draw(Self.line(step: name, done: nil, total: nil), state: &state, now: now) } else { write(name + "\n") }
            case .pages(let done, let total):
                guard late else { return }
                if isTerminal {
                    // At most ten redraws a second.
                    if let last = state.lastDraw, now - last < .milliseconds(100), done < total { return }
                    draw(Self.line(step: state.step, done: done, total: total), state: &state, now: now)
                } else {
                    let quarter = total == 0 ? 4 : done * 4 / total
                    if quarter > state.quartersShown {
                        state.quartersShown = quarter
                        write("\(state.step): \(done) of \(total) pages\n")
                    }
                }
            }
        }
    }

    /// Clears the bar before the summary is printed.
    func finish() {
        state.withLock { state in
            if state.drawn { write("\r\u{1B}[K") }
            state.drawn = false
        }
    }

    private func draw(_ line: String, state: inout State, now: ContinuousClock.Instant) {
        write("\r\u{1B}[K" + line)
        state.drawn = true
        state.lastDraw = now
    }

    /// `Render and write pages  [##########··········]  2400/5500`.
    static func line(step: String, done: Int?, total: Int?, width: Int = 20) -> String {
        guard let done, let total, total > 0 else { return step + " …" }
        let filled = min(width, done * width / total)
        return "\(step)  [" + String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled) + "]  \(done)/\(total)"
    }
}
