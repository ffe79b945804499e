import Foundation

/// The JavaScript that searches the index in the browser and in Node, shipped inside the binary.
public enum SearchEngine {
    /// The engine's files (`engine.mjs`), by path relative to the folder they are served from.
    public static let files: [(path: String, bytes: [UInt8])] = searchEngineFiles.map { entry in
        (entry.path, Array(Data(base64Encoded: entry.base64) ?? Data()))
    }
}
