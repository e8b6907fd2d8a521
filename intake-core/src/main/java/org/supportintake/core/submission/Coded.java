package org.supportintake.core.submission;

/** A closed set users see, with a stable lower-case code used in JSON, logs and the database. */
public interface Coded {

    String code();

    /** The constant whose code is {@code code}, if any. */
    static <E extends Enum<E> & Coded> java.util.Optional<E> byCode(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return java.util.Optional.of(constant);
            }
        }
        return java.util.Optional.empty();
    }
}
