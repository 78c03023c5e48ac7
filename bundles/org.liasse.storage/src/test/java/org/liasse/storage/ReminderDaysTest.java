package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** Which reminder is due on a day: the configured days, a missed run caught up once, nothing after the deadline. */
class ReminderDaysTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);
    private static final List<Integer> DAYS = JpaReminderService.days(" 1, 15,7,,7");

    @Test
    void theSettingIsReadLargestFirst() {
        assertEquals(List.of(15, 7, 1), DAYS);
        assertEquals(List.of(), JpaReminderService.days(""));
        assertThrows(IllegalArgumentException.class, () -> JpaReminderService.days("7,0"));
        assertThrows(NumberFormatException.class, () -> JpaReminderService.days("sept"));
    }

    @Test
    void theSmallestDayNotAfterTheDaysLeftIsDue() {
        assertEquals(OptionalInt.empty(), JpaReminderService.due(DAYS, DEADLINE, DEADLINE.minusDays(16)));
        assertEquals(OptionalInt.of(15), JpaReminderService.due(DAYS, DEADLINE, DEADLINE.minusDays(15)));
        assertEquals(OptionalInt.of(15), JpaReminderService.due(DAYS, DEADLINE, DEADLINE.minusDays(8)),
            "a missed fifteen-day reminder is caught up");
        assertEquals(OptionalInt.of(7), JpaReminderService.due(DAYS, DEADLINE, DEADLINE.minusDays(7)));
        assertEquals(OptionalInt.of(1), JpaReminderService.due(DAYS, DEADLINE, DEADLINE.minusDays(1)));
        assertEquals(OptionalInt.of(1), JpaReminderService.due(DAYS, DEADLINE, DEADLINE), "on the day itself");
        assertEquals(OptionalInt.empty(), JpaReminderService.due(DAYS, DEADLINE, DEADLINE.plusDays(1)));
    }
}
