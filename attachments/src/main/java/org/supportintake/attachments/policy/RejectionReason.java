package org.supportintake.attachments.policy;

/** Why a file may not reach a ticket; {@link #code()} is stable across JSON, logs and the database. */
public enum RejectionReason {
    TYPE_NOT_ALLOWED("type_not_allowed", "такой тип файлов не принимается"),
    CONTENT_MISMATCH("content_mismatch", "содержимое файла не соответствует его имени или типу"),
    TOO_LARGE("too_large", "файл слишком большой"),
    TOO_MANY_FILES("too_many_files", "слишком много файлов в одном обращении"),
    TOTAL_TOO_LARGE("total_too_large", "общий размер файлов слишком велик"),
    EMPTY("empty", "файл пустой"),
    ARCHIVE_CORRUPT("archive_corrupt", "архив повреждён и не открывается"),
    ARCHIVE_ENCRYPTED("archive_encrypted", "архив защищён паролем, и мы не можем проверить его содержимое"),
    ARCHIVE_ENTRY_NOT_ALLOWED("archive_entry_not_allowed", "в архиве есть файлы недопустимого типа"),
    ZIP_BOMB("zip_bomb", "архив распаковывается в слишком большой объём или слишком глубоко вложен"),
    ARCHIVE_TOO_MANY_ENTRIES("archive_too_many_entries", "в архиве слишком много файлов"),
    UNSAFE_ARCHIVE_PATH("unsafe_archive_path", "в архиве есть файлы с недопустимыми путями в именах"),
    MACRO_DOCUMENT("macro_document", "документ содержит макросы; сохраните его как обычный DOCX или PDF"),
    EMBEDDED_EXECUTABLE("embedded_executable", "в документ вложена программа или исполняемый объект"),
    POLYGLOT_FILE("polyglot_file", "к файлу приписан скрытый архив"),
    SPOOFED_NAME("spoofed_name", "имя файла маскирует его настоящий тип"),
    SIGNATURE_FILE("signature_file", "это файл электронной подписи; подписи не принимаются и не проверяются,"
            + " а документ, приложенный отдельно, рассматривается без подписи"),
    ENCRYPTED_FILE("encrypted_file", "файл или письмо зашифрованы, и прочитать их мы не можем; отправьте их без"
            + " шифрования"),
    UNREADABLE("unreadable", "файл повреждён при пересылке письма, и прочитать его не удалось");

    private final String code;
    private final String sentence;

    RejectionReason(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    public String code() {
        return code;
    }

    /** Why, in Russian, for the citizen: a clause that follows the file name. */
    public String sentence() {
        return sentence;
    }
}
