package org.supportintake.web.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.submission.CallbackTime;
import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.validation.Violation;
import org.supportintake.web.view.KeepTogether;

/** The form's template context: each field's value and error, the error summary, the select options. */
final class FormView {

    private static final List<String> TEXT_FIELDS = List.of("fullName", "email", "phone", "subject", "description",
            "previousTicket");
    private static final long MB = 1024L * 1024L;
    /** What the title of a page that shows errors begins with. */
    static final String ERROR_PREFIX = "Ошибка: ";

    private FormView() {
    }

    /** The error summary's call, in the number its list has: one error is «ошибку», not «ошибки». */
    static String fixThe(int errors) {
        return errors == 1 ? "Исправьте ошибку" : "Исправьте ошибки";
    }

    static Map<String, Object> of(FormInput input, List<Violation> violations, AttachmentPolicy files,
                                  String csrfToken, String submissionToken) {
        Map<String, String> errors = new HashMap<>();
        violations.forEach(v -> errors.merge(v.field(), v.message(), (a, b) -> a + " " + b));
        Map<String, Object> view = new HashMap<>();
        // GOV.UK: a page that shows errors says so first in its title, which a screen reader reads on load.
        view.put("title", (violations.isEmpty() ? "" : ERROR_PREFIX) + "Обращение в службу поддержки");
        view.put("csrfToken", csrfToken);
        view.put("keepTogether", KeepTogether.LAMBDA);
        view.put("submissionToken", submissionToken);
        for (String name : TEXT_FIELDS) {
            view.put(name, field(name, input.field(name), errors.get(name)));
        }
        view.put("category", choice("category",
                options(Category.values(), Category::title, input.field("category")), errors));
        view.put("callbackTime", choice("callbackTime",
                options(CallbackTime.values(), CallbackTime::interval, input.field("callbackTime")), errors));
        Map<String, Object> consent = field("consent", "", errors.get("consent"));
        consent.put("checked", !input.field("consent").isBlank());
        view.put("consent", consent);
        Map<String, Object> attachments = field("attachments", "", errors.get("attachments"));
        attachments.put("maxFiles", files.maxFiles());
        attachments.put("maxMb", files.maxFileSize() / MB);
        attachments.put("maxBytes", files.maxFileSize());
        view.put("attachments", attachments);
        List<Map<String, String>> summary = new ArrayList<>();
        violations.forEach(v -> summary.add(Map.of("field", v.field(), "message", v.message())));
        view.put("errors", summary);
        view.put("hasErrors", !summary.isEmpty());
        // A stale page (the only "error" is the whole form's) has nothing to fix: it was not sent.
        view.put("summaryTitle", violations.stream().allMatch(v -> v.field().equals("form")) ? "Обращение не отправлено"
                : fixThe(summary.size()) + ", чтобы отправить обращение");
        view.put("filesDropped", !input.files().isEmpty());
        return view;
    }

    private static Map<String, Object> field(String id, String value, String error) {
        Map<String, Object> field = new HashMap<>();
        field.put("id", id);
        field.put("value", value);
        field.put("error", error == null ? "" : error);
        return field;
    }

    private static Map<String, Object> choice(String id, List<Map<String, Object>> options, Map<String, String> errors) {
        Map<String, Object> field = field(id, "", errors.get(id));
        field.put("options", options);
        return field;
    }

    /** One option per constant: its code, what people read, and whether it was the one chosen. */
    private static <E extends Coded> List<Map<String, Object>> options(E[] constants, Function<E, String> title,
                                                                      String chosen) {
        return Arrays.stream(constants).map(constant -> Map.<String, Object>of("code", constant.code(),
                "title", title.apply(constant), "selected", constant.code().equals(chosen))).toList();
    }
}
