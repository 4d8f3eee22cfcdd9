package org.billing.invoicing.demo;

import java.util.SplittableRandom;

/**
 * Answered call lengths: log-normal with a median of about 55 s, so that about 93 % of calls end within
 * five minutes and a long tail reaches the cap. StrictMath keeps the figures identical on every JVM.
 */
final class CallDurations {

    private static final double MU = 4.0;
    private static final double SIGMA = 1.15;

    private CallDurations() {}

    static int answered(SplittableRandom random, int cap) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log stays finite
        double u2 = random.nextDouble();
        double gaussian = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
        long seconds = Math.round(StrictMath.exp(MU + SIGMA * gaussian));
        return (int) Math.max(1, Math.min(cap, seconds));
    }
}
