/// The flag put on every submission of a student who handed in more than one answers file in a run.
public enum DuplicateStudent {
    /// The note in JSON `notes` and the CSV `notes` column.
    public static let note = "duplicate-student"
}
