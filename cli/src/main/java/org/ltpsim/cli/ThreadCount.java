package org.ltpsim.cli;

/**
 * The {@code --threads} convention shared by every command: all available processors by default, at least 1, and
 * not absurdly many (each worker is a platform thread with its own stack).
 */
final class ThreadCount {
    /** More workers than this is a typo, not a machine. */
    static final int MAX_THREADS = 1024;

    /** The description every command's {@code --threads} option shows. */
    static final String DESCRIPTION = "worker threads (default: all available processors; results are the same "
            + "for any count)";

    private ThreadCount() {}

    /** The thread count to use for {@code --threads requested} (null: all processors). */
    static int resolve(Integer requested) {
        int processors = Runtime.getRuntime().availableProcessors();
        if (requested == null) {
            return processors;
        }
        if (requested < 1) {
            throw new UserInputException("--threads must be at least 1: " + requested);
        }
        if (requested > MAX_THREADS) {
            throw new UserInputException("--threads " + requested + " is more than ltpsim will start (at most "
                    + MAX_THREADS + "; this machine has " + processors + " processors)");
        }
        return requested;
    }
}
