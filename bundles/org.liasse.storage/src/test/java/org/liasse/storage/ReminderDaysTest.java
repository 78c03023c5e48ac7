package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * Which reminder is due on a day: the configured days before and after the deadline, a missed run caught up once, a
 * reminder before the deadline never sent after it.
 */
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

    @Test
    void afterTheDeadlineOnlyTheDaysAfterAreDue() {
        List<Integer> offsets = JpaReminderService.offsets("15,7,1", "7, 1");

        assertEquals(List.of(15, 7, 1, -1, -7), offsets);
        assertEquals(OptionalInt.of(1), JpaReminderService.due(offsets, DEADLINE, DEADLINE));
        assertEquals(OptionalInt.of(-1), JpaReminderService.due(offsets, DEADLINE, DEADLINE.plusDays(1)));
        assertEquals(OptionalInt.of(-1), JpaReminderService.due(offsets, DEADLINE, DEADLINE.plusDays(6)));
        assertEquals(OptionalInt.of(-7), JpaReminderService.due(offsets, DEADLINE, DEADLINE.plusDays(7)));
        assertEquals(OptionalInt.of(-7), JpaReminderService.due(offsets, DEADLINE, DEADLINE.plusDays(90)),
            "the last one stays due, and is sent once");
        assertEquals(List.of(15, 7, 1), JpaReminderService.offsets("15,7,1", ""));
    }
}
