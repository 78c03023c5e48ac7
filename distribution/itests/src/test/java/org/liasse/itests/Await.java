package org.liasse.itests;

import java.util.function.Supplier;

/** Polls until a condition holds, failing with the last observed value after a timeout. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, long timeoutMillis, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long end = System.currentTimeMillis() + timeoutMillis;
        T last = probe.get();
        while (!done.test(last)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("Timed out waiting for " + what + "; last value: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
