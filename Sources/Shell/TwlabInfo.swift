/// Facts about this build of twlab that the shell and the command line both show.
public enum TwlabInfo {
    /// The version `twlab --version` and the shell's `version` command print.
    public static let version = "0.1.0"
}
