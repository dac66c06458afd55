import Foundation

/// Writes straight to file descriptor 1 with `write(2)`, so output interleaves correctly with
/// libedit's and never buffers behind a prompt. A closed pipe or full disk loses the text quietly
/// instead of stopping the shell.
enum StandardOutput {
    static func write(_ text: String, fileDescriptor: Int32 = 1) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fileDescriptor, base + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
