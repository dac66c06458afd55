import Foundation
import TCPModel

/// The asciicast v2 format (asciinema's recordings): a JSON header line, then one JSON array per
/// event — `[time, "o", data]` for output and `[time, "m", label]` for a marker a player can
/// pause on.
public enum AsciicastFormat {
    /// The header line: version 2, the terminal's size, when, and a title.
    public static func header(width: Int, height: Int, title: String, timestamp: Int) -> String {
        "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp), "
            + "\"title\": \(quoted(title)), \"env\": {\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/sh\"}}"
    }

    /// An output event: `data` as the terminal received it.
    public static func output(at seconds: Double, _ data: String) -> String {
        "[\(time(seconds)), \"o\", \(quoted(data))]"
    }

    /// A marker event, for example the title of a step.
    public static func marker(at seconds: Double, _ label: String) -> String {
        "[\(time(seconds)), \"m\", \(quoted(label))]"
    }

    /// Seconds with microseconds, as asciinema writes them.
    static func time(_ seconds: Double) -> String {
        String(format: "%.6f", max(0, seconds))
    }

    /// A JSON string literal (the simulator's JSON writer escapes it).
    public static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
