import Shell

/// The version `twlab --version` prints (the same one the shell's `version` command shows).
enum TwlabVersion {
    static let string = TwlabInfo.version
}
