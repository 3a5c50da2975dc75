package io.kana.cli;

/** Bad input caught by a command before it contacts anything; exits with {@link ExitCodes#USAGE}. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
