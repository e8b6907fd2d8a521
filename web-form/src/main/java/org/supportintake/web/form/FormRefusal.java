package org.supportintake.web.form;

import org.supportintake.web.view.Problem;

/** Why a form's body was not read to its end; each is one answer, on the page and in the API. */
public enum FormRefusal {
    TOO_LARGE(new Problem(413, "too_large", "Слишком большой объём",
            "Обращение вместе с файлами слишком велико. Можно приложить до 5 файлов, каждый не больше 5 МБ.")),
    TOO_MANY_PARTS(new Problem(413, "too_many_parts", "Слишком много полей",
            "В форме слишком много полей или файлов. Откройте форму заново и отправьте обращение с неё.")),
    /** A part's headers over fileupload's fixed 512 bytes: nearly always a very long file name. */
    PART_HEADER_TOO_LARGE(new Problem(413, "part_header_too_large", "Слишком длинное имя файла",
            "Имя файла слишком длинное (или заголовок части формы слишком велик). Переименуйте файл, "
                    + "чтобы имя было короче 100 символов, и отправьте обращение ещё раз.")),
    MALFORMED(new Problem(400, "malformed_form", "Форма пришла повреждённой",
            "Форма пришла не полностью или в неверном формате. Откройте форму заново и отправьте обращение ещё раз.")),
    NOT_MULTIPART(new Problem(415, "unsupported_media_type", "Неподдерживаемый формат запроса",
            "Обращение принимается только как форма с файлами (multipart/form-data). Отправьте его со страницы формы."));

    private final Problem problem;

    FormRefusal(Problem problem) {
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
