package io.kana.cli;

/**
 * The person at the keyboard, if any: {@code java -jar} on a console has one, a pipe or a test has
 * none unless the test plays one. Commands ask for confirmation and show progress only through it.
 */
public interface Terminal {

    /** Whether a person is watching and typing (a console), so prompts and a spinner make sense. */
    boolean interactive();

    /** Shows {@code prompt} and reads one line of answer; null when nobody can answer. */
    String ask(String prompt);

    /**
     * Blocks until the user interrupts (Ctrl+C), then runs {@code cleanup} before the process ends;
     * for commands that run until stopped ({@code sandbox}, {@code stream}).
     */
    void runUntilInterrupted(Runnable cleanup) throws InterruptedException;

    /** No one at the keyboard: no prompt is answered, and nothing interrupts. */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String ask(String prompt) {
                return null;
            }

            @Override
            public void runUntilInterrupted(Runnable cleanup) throws InterruptedException {
                try {
                    Thread.currentThread().join();
                } finally {
                    cleanup.run();
                }
            }
        };
    }
}
