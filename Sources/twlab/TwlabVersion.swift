/// The version `twlab --version` prints.
enum TwlabVersion {
    static let string = "0.1.0"
}
