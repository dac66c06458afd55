import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns any error into one line of plain words for the user.
///
/// Foundation's own text for file errors is often useless on Linux ("The operation could not be
/// completed. (NSCocoaErrorDomain error 512.)") and `EncodingError`'s is a debugging dump. This
/// reads the system's reason (`strerror`) out of file errors and says in words what an encoding or
/// decoding error means, with the field it is about.
public enum ErrorText {
    /// One line describing `error`, without Foundation's domain names or error codes.
    public static func plain(_ error: any Error) -> String {
        let text: String
        switch error {
        case let error as EncodingError:
            text = encoding(error)
        case let error as DecodingError:
            text = decoding(error)
        case let error as CocoaError:
            text = cocoa(error)
        case let error as POSIXError:
            text = String(cString: strerror(error.code.rawValue))
        case let error as LocalizedError where error.errorDescription != nil:
            text = error.errorDescription ?? ""
        default:
            let nsError = error as NSError
            if nsError.domain == NSPOSIXErrorDomain {
                text = String(cString: strerror(Int32(truncatingIfNeeded: nsError.code)))
            } else if nsError.domain == NSCocoaErrorDomain {
                text = cocoa(CocoaError(CocoaError.Code(rawValue: nsError.code), userInfo: nsError.userInfo))
            } else {
                text = String(describing: error)
            }
        }
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        return VisibleText.escaped(firstLine)
    }

    private static func cocoa(_ error: CocoaError) -> String {
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(truncatingIfNeeded: underlying.code)))
        }
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteFileExists: return "a file of that name already exists"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileReadTooLarge: return "the file is too large"
        case .fileReadCorruptFile: return "the file's contents are damaged"
        case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: return "the text is not in a readable encoding"
        default: return error.code.rawValue == 512 || error.code.rawValue == 256
            ? "the file could not be read or written" : "a file operation failed"
        }
    }

    private static func encoding(_ error: EncodingError) -> String {
        switch error {
        case .invalidValue(let value, let context):
            return "\(place(context.codingPath))the value \(VisibleText.escaped(String(String(describing: value).prefix(40)))) cannot be written as JSON (it is not a finite number?)"
        @unknown default:
            return "a value could not be written"
        }
    }

    private static func decoding(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath))expected \(name(of: type))"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath))expected \(name(of: type)), found null"
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath))the field '\(VisibleText.escaped(key.stringValue))' is missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "the text is not valid JSON" }
            return "\(place(context.codingPath))the value is not valid"
        @unknown default:
            return "the data could not be read"
        }
    }

    private static func place(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "" }
        let dotted = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return "at '\(VisibleText.escaped(String(dotted.prefix(80))))': "
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Double.Type: return "a number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        default: return "a value of another kind"
        }
    }
}
