package org.supportintake.attachments.policy;

/** Why a file may not reach a ticket; {@link #code()} is stable across JSON, logs and the database. */
public enum RejectionReason {
    TYPE_NOT_ALLOWED("type_not_allowed", "такой тип файлов не принимается"),
    TOO_LARGE("too_large", "файл слишком большой"),
    TOO_MANY_FILES("too_many_files", "слишком много файлов в одном обращении"),
    TOTAL_TOO_LARGE("total_too_large", "общий размер файлов слишком велик"),
    EMPTY("empty", "файл пустой");

    private final String code;
    private final String sentence;

    RejectionReason(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    /** Why, in Russian, for the citizen: a clause that follows the file name. */
    public String sentence() {
        return sentence;
    }

    public String code() {
        return code;
    }
}
