package org.supportintake.web.staff;

import java.time.Duration;

/** A wait in Russian, rounded up to whole minutes: «1 мин», «32 мин», «1 ч», «1 ч 5 мин». */
final class WaitText {

    private WaitText() {
    }

    static String of(Duration wait) {
        long minutes = Math.max(1, (wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0) + 59) / 60);
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " мин";
        }
        return hours + " ч" + (rest == 0 ? "" : " " + rest + " мин");
    }
}
