package org.supportintake.mail.imap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.supportintake.attachments.testing.TestFiles;

/** Messages that once stalled a mailbox (issue 12), each with where it must end now. */
enum PoisonMail {

    LONG_MESSAGE_ID(Ending.TICKET) {
        @Override
        String text() {
            return MailFixture.mail("<" + "x".repeat(1200) + "@mail.example.ru>", SENDER, "Длинный Message-ID",
                    "Добрый день! Письмо с очень длинным идентификатором.", "");
        }
    },
    DEEP_RFC822(Ending.FAILED) {
        @Override
        String text() {
            StringBuilder mail = new StringBuilder(headers("<deep@mail.example.ru>", "Пересылка пересылки")
                    + "Content-Type: message/rfc822\n\n");
            for (int level = 0; level < 2_000; level++) {
                mail.append("Subject: level ").append(level).append("\nContent-Type: message/rfc822\n\n");
            }
            return mail.append("Subject: innermost\n\nСамое вложенное сообщение.\n").toString();
        }

        @Override
        String reason() {
            return "MIME parts nested deeper than 20 levels (forwarded messages included) were not read";
        }
    },
    EMPTY_PARTS_100K(Ending.FAILED) {
        @Override
        String text() {
            StringBuilder mail = new StringBuilder(headers("<parts@mail.example.ru>", "Сто тысяч частей")
                    + "Content-Type: multipart/mixed; boundary=\"b\"\n\n");
            mail.append("--b\n\n".repeat(100_000));
            return mail.append("--b--\n").toString();
        }

        @Override
        String reason() {
            return "the message has more than 1000 MIME parts; the rest was not read";
        }
    },
    NUL_IN_HTML(Ending.TICKET) {
        @Override
        String text() {
            return headers("<nul-html@mail.example.ru>", "NUL в HTML") + "Content-Type: text/html; charset=utf-8\n\n"
                    + "<html><body><p>Добрый день!&#0; Не открывается личный кабинет.</p></body></html>\n";
        }
    },
    NUL_IN_TEXT(Ending.TICKET) {
        @Override
        String text() {
            return MailFixture.mail("<nul-text@mail.example.ru>", SENDER, "NUL в тексте",
                    "Добрый день!\0 Не открывается личный кабинет.", "");
        }
    },
    LONG_CONTENT_TYPE(Ending.TICKET) {
        @Override
        String text() {
            return headers("<long-type@mail.example.ru>", "Длинный Content-Type")
                    + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n"
                    + "Добрый день! Прикладываю снимок экрана.\n--b\nContent-Type: image/x-" + "p".repeat(300)
                    + "; name=\"screen.png\"\nContent-Disposition: attachment; filename=\"screen.png\"\n"
                    + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(TestFiles.png())
                    + "\n--b--\n";
        }
    };

    /** Where the poison message must end: a ticket (once its values fit), or the Failed folder. */
    enum Ending { TICKET, FAILED }

    static final String SENDER = "Отравитель <poison@mail.example.ru>";

    private final Ending ending;

    PoisonMail(Ending ending) {
        this.ending = ending;
    }

    Ending ending() {
        return ending;
    }

    abstract String text();

    /** The reason its mail_failed event gives, when it ends in Failed. */
    String reason() {
        return "";
    }

    byte[] raw() {
        return text().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String headers(String messageId, String subject) {
        return "Message-ID: " + messageId + "\nFrom: " + SENDER + "\nTo: support@localhost\nSubject: " + subject
                + "\nMIME-Version: 1.0\n";
    }
}
