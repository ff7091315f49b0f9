package org.osceclassify.classifier.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@link Budget#parse}: a number of trials, or a time in seconds, minutes or hours. */
class BudgetTest {

    @Test
    void aBareNumberIsTrials() {
        assertEquals(new Budget.Trials(20), Budget.parse("20"));
        assertEquals("1 trial", Budget.parse("1").toString());
    }

    @Test
    void aNumberWithAUnitIsATime() {
        assertEquals(new Budget.Time(Duration.ofSeconds(90)), Budget.parse("90s"));
        assertEquals(new Budget.Time(Duration.ofMinutes(10)), Budget.parse("10m"));
        assertEquals(new Budget.Time(Duration.ofHours(1)), Budget.parse("1H"));
        assertEquals("10m", Budget.parse("600s").toString());
        assertEquals("90s", Budget.parse("90s").toString());
    }

    @Test
    void anythingElseIsRefusedNamingTheForms() {
        for (String bad : new String[] {"", "0", "0s", "10x", "-5", "1.5m", "m", "10 m", "ten"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("'" + bad + "' is not a budget: give a number of trials (20) or a "
                    + "time above 0"), e.getMessage());
        }
    }
}
