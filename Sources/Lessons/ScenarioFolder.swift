import Foundation
import TCPModel

extension ScenarioLibrary {
    /// The most scenario files read from one folder, and the largest one read.
    public static let folderLimits = (files: 1_000, bytes: 1 << 20)

    /// Reads every `NAME.twsim` of a folder (the lessons folder's `scenarios/`); a folder that does not
    /// exist gives an empty library. Files past `folderLimits` are left out.
    public init(directory: URL) {
        let fm = FileManager.default
        let files = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".twsim") }.sorted()
        var texts: [String: String] = [:]
        for file in files.prefix(Self.folderLimits.files) {
            let path = directory.appendingPathComponent(file).path
            guard let attributes = try? fm.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  (attributes[.size] as? Int ?? Int.max) <= Self.folderLimits.bytes,
                  let data = fm.contents(atPath: path) else { continue }
            texts[String(file.dropLast(".twsim".count))] = String(decoding: data, as: UTF8.self)
        }
        self.init(texts: texts, location: directory.path)
    }
}
