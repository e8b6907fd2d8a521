package org.supportintake.core.audit;

import org.supportintake.core.submission.Coded;

/** What a staff member did that the audit records: every look at personal data, and every sign-in. */
public enum AuditAction implements Coded {
    LOGIN("login", "Вход"),
    LOGIN_FAILED("login_failed", "Неудачный вход"),
    LOGOUT("logout", "Выход"),
    ACCOUNT_ADDED("account_added", "Добавление учётной записи"),
    ACCOUNT_DISABLED("account_disabled", "Отключение учётной записи"),
    API_TOKEN_ISSUED("api_token_issued", "Выдача ключа API"),
    API_TOKENS_REVOKED("api_tokens_revoked", "Отзыв ключей API"),
    VIEW_QUEUE("view_queue", "Просмотр очереди"),
    SEARCH("search", "Поиск"),
    VIEW_TICKET("view_ticket", "Просмотр обращения"),
    DOWNLOAD_ATTACHMENT("download_attachment", "Скачивание файла"),
    EXPORT_CSV("export_csv", "Выгрузка CSV"),
    VIEW_LOG("view_log", "Просмотр журнала"),
    VIEW_SET_ASIDE("view_set_aside", "Просмотр отложенного письма"),
    DOWNLOAD_SET_ASIDE("download_set_aside", "Скачивание отложенного письма"),
    REPLAY_SET_ASIDE("replay_set_aside", "Повторная обработка письма"),
    DELETE_SET_ASIDE("delete_set_aside", "Удаление отложенного письма"),
    VIEW_AUDIT("view_audit", "Просмотр аудита"),
    API_READ("api_read", "Чтение через API"),
    ERASE_REQUESTER("erase_requester", "Удаление данных заявителя");

    private final String code;
    private final String title;

    AuditAction(String code, String title) {
        this.code = code;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
