package org.supportintake.core.submission;

/** What the citizen says the message is about (the form's {@code category} field). */
public enum Category implements Coded {
    TECHNICAL_PROBLEM("technical_problem", "Техническая проблема"),
    FUNCTIONALITY_QUESTION("functionality_question", "Вопрос по работе сервиса"),
    SERVICE_ERROR("service_error", "Ошибка в предоставлении услуги"),
    COMPLAINT("complaint", "Жалоба"),
    SUGGESTION("suggestion", "Предложение"),
    INFORMATION_REQUEST("information_request", "Запрос информации");

    private final String code;
    private final String title;

    Category(String code, String title) {
        this.code = code;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    /** The Russian name shown to citizens and staff. */
    public String title() {
        return title;
    }
}
