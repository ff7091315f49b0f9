package org.osceclassify.classifier.tuning;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code tune} may spend: a number of trials, or a time. A time is turned into a number of trials once, after
 * the first trial has measured what one costs ({@link Tuner}), so that the search then depends only on its seed and
 * that number, not on how fast each later trial happens to run.
 */
public sealed interface Budget {

    /** Exactly this many trials, the first of them the starting settings. */
    record Trials(int count) implements Budget {
        public Trials {
            if (count < 1) {
                throw new IllegalArgumentException("a budget needs at least 1 trial, was " + count);
            }
        }

        @Override
        public String toString() {
            return count + (count == 1 ? " trial" : " trials");
        }
    }

    /** As many trials as the first trial's time says fit into this time. */
    record Time(Duration duration) implements Budget {
        public Time {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a time budget must be above 0, was " + duration);
            }
        }

        @Override
        public String toString() {
            long s = duration.toSeconds();
            return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
        }
    }

    Pattern SYNTAX = Pattern.compile("([0-9]{1,9})([smh]?)");

    /**
     * {@code 20} (trials), or {@code 90s}, {@code 10m}, {@code 1h} (a time).
     *
     * @throws IllegalArgumentException naming the text and the forms it may take
     */
    static Budget parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a budget: give a number of trials (20) or a "
                    + "time above 0 in seconds, minutes or hours (90s, 10m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "" -> new Trials((int) n);
            case "s" -> new Time(Duration.ofSeconds(n));
            case "m" -> new Time(Duration.ofMinutes(n));
            default -> new Time(Duration.ofHours(n));
        };
    }
}
