package org.supportintake.core.outbox;

/** A count with its noun in the Russian form it takes: «1 день», «2 дня», «5 дней», «11 дней», «21 день». */
public final class RussianPlural {

    private RussianPlural() {
    }

    /** {@code count} and the noun: {@code one} after 1, 21, 101…; {@code few} after 2–4, 22–24…; {@code many} else. */
    public static String of(long count, String one, String few, String many) {
        return count + " " + form(count, one, few, many);
    }

    static String form(long count, String one, String few, String many) {
        long lastTwo = Math.abs(count) % 100;
        long last = lastTwo % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return many;
        }
        if (last == 1) {
            return one;
        }
        return last >= 2 && last <= 4 ? few : many;
    }
}
