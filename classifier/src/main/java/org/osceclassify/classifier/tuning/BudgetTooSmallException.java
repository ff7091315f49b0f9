package org.osceclassify.classifier.tuning;

import java.util.Locale;

/**
 * A time budget that does not cover one trial: the search stops before writing anything. The message, {@code 5s is
 * too small for one trial: ...}, names the budget and what one trial needs.
 */
public final class BudgetTooSmallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Budget.Time budget;
    private final double neededSeconds;

    BudgetTooSmallException(Budget.Time budget, double neededSeconds, String trial) {
        super(String.format(Locale.ROOT, "%s is too small for one trial: one trial (%s) needs about "
                + "%.0f s here; give at least %ds", budget, trial, Math.ceil(neededSeconds),
                (long) Math.ceil(neededSeconds * 1.5)));
        this.budget = budget;
        this.neededSeconds = neededSeconds;
    }

    public Budget.Time budget() {
        return budget;
    }

    /** The estimated time of one trial, in seconds. */
    public double neededSeconds() {
        return neededSeconds;
    }
}
