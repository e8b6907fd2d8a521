package org.supportintake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.validation.IntakeValidator;
import org.supportintake.mail.classify.MailClassifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Every {@code .eml} under {@code corpus/} against the {@code parse} JSON beside it. A message
 * without an expectation gets a draft written next to it, and the test fails until a person has
 * read the draft and renamed it to {@code .json}.
 */
class MailCorpusTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final MailPreview PREVIEW = new MailPreview(new MailClassifier("support@localhost"),
            new IntakeValidator(AttachmentPolicy.form()), AttachmentPolicy.email());

    static Stream<Path> messages() throws IOException {
        return Files.list(CORPUS).filter(path -> path.toString().endsWith(".eml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void parseMatchesTheExpectationBesideTheMessage(Path eml) throws IOException {
        String actual;
        try (InputStream in = Files.newInputStream(eml)) {
            actual = JSON.writeValueAsString(PREVIEW.of(in)) + "\n";
        }
        Path expected = Path.of(eml.toString().replaceAll("\\.eml$", ".json"));
        if (!Files.exists(expected)) {
            Path draft = Path.of(expected + ".draft");
            Files.writeString(draft, actual, StandardCharsets.UTF_8);
            fail("no expectation for " + eml.getFileName() + "; a draft was written to " + draft
                    + ": read it, and rename it to .json when it is right");
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
