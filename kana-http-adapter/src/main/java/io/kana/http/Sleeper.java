package io.kana.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; replaced in tests so that no test sleeps for real. */
@FunctionalInterface
interface Sleeper {

    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
