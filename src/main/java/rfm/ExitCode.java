package rfm;

/** The process exit codes operators script against. */
public enum ExitCode {
    COMPLETED(0), FAILED(1), BAD_INPUT(2), LOCKED(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
