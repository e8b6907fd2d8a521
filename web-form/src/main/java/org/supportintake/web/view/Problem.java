package org.supportintake.web.view;

/**
 * What went wrong, as the citizen is told it: the HTTP status, a stable code for the API, a heading and one
 * sentence in Russian. Never anything internal: no exception, statement or stack. The sentence serves the page and
 * the API's JSON alike, so it never points at the page's own link ("по ссылке ниже"): JSON has none.
 */
public record Problem(int status, String code, String heading, String text) {

    /** The site's answer for a status that no servlet explained further (Jetty's own errors among them). */
    public static Problem of(int status) {
        return switch (status) {
            case 400 -> new Problem(400, "bad_request", "Неверный запрос",
                    "Сервер не смог разобрать запрос. Откройте форму заново и повторите действие.");
            case 401, 403 -> new Problem(status, "forbidden", "Доступ запрещён",
                    "У вас нет доступа к этой странице.");
            case 404 -> new Problem(404, "not_found", "Страница не найдена",
                    "Проверьте адрес страницы: возможно, в нём опечатка или ссылка устарела.");
            case 405 -> new Problem(405, "method_not_allowed", "Такой запрос не поддерживается",
                    "Эта страница не принимает запросы такого вида.");
            case 408 -> new Problem(408, "request_timeout", "Запрос не получен полностью",
                    "Запрос передавался слишком медленно и был прерван. Проверьте соединение и повторите.");
            case 409 -> new Problem(409, "conflict", "Запрос уже выполнен",
                    "Этот запрос уже был получен.");
            case 413 -> new Problem(413, "too_large", "Слишком большой объём",
                    "Запрос слишком велик. Можно приложить до 5 файлов, каждый не больше 5 МБ.");
            case 414, 431 -> new Problem(status, "request_too_long", "Слишком длинный запрос",
                    "Адрес или заголовки запроса слишком длинные.");
            case 415 -> new Problem(415, "unsupported_media_type", "Неподдерживаемый формат запроса",
                    "Обращение принимается только из формы на сайте (multipart/form-data).");
            case 422 -> new Problem(422, "invalid", "Запрос не принят",
                    "Данные запроса не прошли проверку. Исправьте их и отправьте ещё раз.");
            case 429 -> new Problem(429, "rate_limited", "Слишком много запросов",
                    "С вашего адреса пришло слишком много запросов. Подождите немного и попробуйте снова.");
            case 503 -> new Problem(503, "unavailable", "Сервис временно недоступен",
                    "Сервис временно недоступен, ничего не сохранено. Попробуйте снова через несколько минут.");
            default -> status >= 500
                    ? new Problem(status, "internal_error", "Ошибка на сервере",
                            "На сервере произошла ошибка. Попробуйте снова через несколько минут.")
                    : new Problem(status, "bad_request", "Запрос не выполнен",
                            "Запрос не удалось выполнить.");
        };
    }
}
