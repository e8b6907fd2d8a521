package org.supportintake.mail.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.supportintake.attachments.testing.TestFiles;

/**
 * Distinct Russian support emails as a mail client writes them, RFC 2047 subjects and names. {@link #mail} gives
 * the small mix (3–6 KB, UTF-8 text 8bit or base64, every fourth with a small PDF); {@link #realistic} the
 * realistic one (about 155 KB on average: text and HTML in quoted-printable or base64, UTF-8 or windows-1251,
 * a third with scans — JPEG-like or PDF-like — and one in a hundred about 2 MB). The same seed gives the same mails.
 */
final class SupportMails {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final List<String> NAMES = List.of("Иван Петров", "Мария Соколова", "Алексей Смирнов",
            "Ольга Кузнецова", "Дмитрий Попов", "Наталья Васильева", "Сергей Новиков", "Екатерина Морозова");
    private static final List<String> LOGINS = List.of("ivan.petrov", "m.sokolova", "smirnov.a", "olga.k",
            "d.popov", "vasilieva.n", "novikov.s", "e.morozova");
    private static final List<String> DOMAINS = List.of("mail.example.ru", "yandex.example", "inbox.example.ru");
    private static final List<String> SUBJECTS = List.of("Не пришла выписка по лицевому счёту",
            "Ошибка при записи на приём к специалисту", "Перерасчёт платы за отопление",
            "Не могу войти в личный кабинет", "Справка о составе семьи", "Вопрос по субсидии на оплату ЖКУ",
            "Жалоба на сроки рассмотрения заявления", "Как подать документы на компенсацию");
    private static final List<String> PARAGRAPHS = List.of(
            "Обращаюсь к вам уже второй раз, потому что на первое письмо ответа так и не получил. "
                    + "В прошлом месяце я подал заявление через портал, статус до сих пор «на рассмотрении».",
            "В квитанции за октябрь сумма начислений оказалась почти в два раза выше обычной, хотя показания "
                    + "счётчиков я передал вовремя, двадцатого числа, как и всегда.",
            "При попытке войти в личный кабинет сайт пишет, что пароль неверный, а письмо для восстановления "
                    + "не приходит ни на основную почту, ни в папку «Спам».",
            "Специалист в многофункциональном центре сказал, что справку можно получить только по запросу "
                    + "через ваш отдел, поэтому прошу подсказать порядок и сроки её выдачи.",
            "Прикладываю скан заявления и копию квитанции, чтобы вам было проще найти мой платёж. Если нужны "
                    + "ещё какие-то документы, напишите, пожалуйста, какие именно и в каком виде.",
            "Моя мама — пенсионерка, ей восемьдесят два года, и самостоятельно прийти в офис она не может. "
                    + "Можно ли оформить всё дистанционно или по доверенности?",
            "На телефон горячей линии дозвониться невозможно: после сорока минут ожидания звонок обрывается, "
                    + "а автоответчик предлагает написать письмо, что я и делаю.",
            "Прошу зафиксировать моё обращение и сообщить номер, по которому я смогу отслеживать его статус. "
                    + "Ответ удобнее получить по электронной почте.",
            "Согласно уведомлению, решение должны были принять в течение тридцати календарных дней, однако "
                    + "срок истёк, а никакой информации я так и не получил.",
            "Заранее благодарю за помощь и прошу прощения, если пишу не по адресу; в таком случае перешлите, "
                    + "пожалуйста, письмо в нужный отдел.",
            "В мобильном приложении после нажатия кнопки «Отправить» появляется сообщение «Сервис временно "
                    + "недоступен», и так уже третий день подряд, в разное время суток.",
            "Документы я отправлял заказным письмом с уведомлением о вручении; по данным почты, письмо вручено "
                    + "адресату две недели назад, но в системе заявление не отображается.",
            "У нас трое детей, младшему нет и года, поэтому ездить в центр города на приём для нас очень "
                    + "затруднительно. Прошу рассмотреть возможность выезда специалиста или приёма онлайн.",
            "В ответе на прошлое обращение мне посоветовали дождаться перерасчёта, но в новой квитанции сумма "
                    + "осталась прежней, а задолженность теперь указана с пенями.",
            "Прошу также разъяснить, какие сведения нужно указать в заявлении, чтобы его не вернули повторно: "
                    + "в прошлый раз причину возврата мне так и не объяснили.",
            "Если для решения вопроса нужен мой личный визит, сообщите, пожалуйста, удобные дни и часы приёма, "
                    + "а также список документов, которые нужно взять с собой.");

    private final Random random = new Random(42);

    /** The raw bytes of mail {@code index}, with a Message-ID unique to {@code tag} and index. */
    byte[] mail(String tag, int index) throws Exception {
        String name = NAMES.get(index % NAMES.size());
        String domain = DOMAINS.get(index % DOMAINS.size());
        String address = LOGINS.get(index % LOGINS.size()) + index + "@" + domain;
        String messageId = "<" + tag + "." + index + "." + random.nextInt(1_000_000) + "@" + domain + ">";
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(address, name, "UTF-8"));
        message.setRecipients(MimeMessage.RecipientType.TO, "support@localhost");
        message.setSubject(SUBJECTS.get(random.nextInt(SUBJECTS.size())), "UTF-8");
        message.setSentDate(new Date());
        String body = body(name, index);
        String encoding = index % 3 == 0 ? "base64" : "8bit";
        if (index % 4 == 3) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            text.setHeader("Content-Transfer-Encoding", encoding);
            MimeBodyPart pdf = new MimeBodyPart();
            pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(TestFiles.pdf(), "application/pdf")));
            pdf.setFileName("скан_заявления_" + index + ".pdf");
            pdf.setHeader("Content-Transfer-Encoding", "base64");
            message.setContent(new MimeMultipart(text, pdf));
        } else {
            message.setText(body, "UTF-8");
            message.setHeader("Content-Transfer-Encoding", encoding);
        }
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }

    /**
     * The raw bytes of realistic mail {@code index}: two thirds text only (plain, or text and HTML alternatives),
     * one third with one or two scans of 40–310 KB, four in a thousand with a scan of 1.5 MB (2 MB raw).
     */
    byte[] realistic(String tag, int index) throws Exception {
        String name = NAMES.get(index % NAMES.size());
        String domain = DOMAINS.get(index % DOMAINS.size());
        String messageId = "<" + tag + ".r" + index + "." + random.nextInt(1_000_000) + "@" + domain + ">";
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        String charset = index % 5 == 4 ? "windows-1251" : "UTF-8";
        message.setFrom(new InternetAddress(LOGINS.get(index % LOGINS.size()) + index + "@" + domain, name, charset));
        message.setRecipients(MimeMessage.RecipientType.TO, "support@localhost");
        message.setSubject(SUBJECTS.get(random.nextInt(SUBJECTS.size())), charset);
        message.setSentDate(new Date());
        String encoding = index % 2 == 0 ? "quoted-printable" : "base64";
        String body = body(name, index, 2000 + random.nextInt(12_000));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, charset);
        text.setHeader("Content-Transfer-Encoding", encoding);
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<html><body><p>" + body.replace("\n\n", "</p><p>") + "</p></body></html>", charset, "html");
        html.setHeader("Content-Transfer-Encoding", encoding);
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        if (index % 3 != 2) {
            message.setContent(alternatives);
        } else {
            MimeBodyPart content = new MimeBodyPart();
            content.setContent(alternatives);
            MimeMultipart mixed = new MimeMultipart(content);
            int scans = index % 100 == 2 ? 1 : 1 + random.nextInt(2);
            for (int i = 0; i < scans; i++) {
                int size = index % 100 == 2 ? 1_500_000 : 40_000 + random.nextInt(270_000);
                boolean jpeg = random.nextBoolean();
                MimeBodyPart scan = new MimeBodyPart();
                scan.setDataHandler(new DataHandler(new ByteArrayDataSource(jpeg ? jpegLike(size) : pdfLike(size),
                        jpeg ? "image/jpeg" : "application/pdf")));
                scan.setFileName("скан_" + (i + 1) + "_" + index + (jpeg ? ".jpg" : ".pdf"));
                scan.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(scan);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }

    /** A JPEG's start (SOI, JFIF APP0) and end (EOI) around {@code size} bytes of noise, as a scan compresses to. */
    private byte[] jpegLike(int size) {
        byte[] bytes = noise(size);
        byte[] start = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
                0, 1, 0, 0};
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[size - 2] = (byte) 0xFF;
        bytes[size - 1] = (byte) 0xD9;
        return bytes;
    }

    /** A PDF's header and trailer around {@code size} bytes of noise, as a scanned page's image stream. */
    private byte[] pdfLike(int size) {
        byte[] bytes = noise(size);
        byte[] start = "%PDF-1.4\n1 0 obj<</Length 0>>stream\n".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, bytes, 0, start.length);
        System.arraycopy(end, 0, bytes, size - end.length, end.length);
        return bytes;
    }

    private byte[] noise(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private String body(String name, int index) {
        return body(name, index, 2400 + random.nextInt(1300));
    }

    /** Greeting, paragraphs (distinct while they last) to {@code target} bytes of UTF-8, a signature with details. */
    private String body(String name, int index, int target) {
        List<String> paragraphs = new ArrayList<>(PARAGRAPHS);
        Collections.shuffle(paragraphs, random);
        StringBuilder body = new StringBuilder("Здравствуйте!\n\n");
        for (int i = 0, bytes = body.toString().getBytes(StandardCharsets.UTF_8).length; bytes < target; i++) {
            String paragraph = paragraphs.get(i % paragraphs.size());
            body.append(paragraph).append("\n\n");
            bytes += paragraph.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        return body.append("Лицевой счёт: ").append(4_700_000 + index).append(", адрес: г. Самара, ул. Ленина, д. ")
                .append(1 + index % 90).append(", кв. ").append(1 + index % 200).append(".\n\nС уважением,\n")
                .append(name).append("\nтел. +7 927 ")
                .append(String.format(Locale.ROOT, "%03d-%02d-%02d", index % 1000, index % 97, index % 89))
                .append('\n').toString();
    }
}
