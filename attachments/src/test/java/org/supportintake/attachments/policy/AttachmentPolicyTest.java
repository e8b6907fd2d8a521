package org.supportintake.attachments.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supportintake.attachments.inspection.Inspection;

class AttachmentPolicyTest {

    private static final long MB = 1024L * 1024L;

    private static Inspection file(String type, long size) {
        return new Inspection(type, size, "0".repeat(64));
    }

    @Test
    void acceptsAllowedTypeWithinSize() {
        assertThat(AttachmentPolicy.form().judge(List.of(file(AttachmentPolicy.PNG, 5 * MB))))
                .containsExactly(AttachmentVerdict.accepted());
    }

    @Test
    void rejectsFormFileOneByteOverFiveMegabytes() {
        assertThat(AttachmentPolicy.form().judge(List.of(file(AttachmentPolicy.PDF, 5 * MB + 1))))
                .containsExactly(AttachmentVerdict.rejected(RejectionReason.TOO_LARGE));
    }

    @Test
    void rejectsTypeNotAllowedOnTheChannel() {
        assertThat(AttachmentPolicy.form().judge(List.of(file(AttachmentPolicy.ZIP, 100))))
                .containsExactly(AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED));
        assertThat(AttachmentPolicy.email().judge(List.of(file(AttachmentPolicy.ZIP, 100))))
                .containsExactly(AttachmentVerdict.accepted());
    }

    @Test
    void rejectsEmptyFile() {
        assertThat(AttachmentPolicy.email().judge(List.of(file(AttachmentPolicy.PDF, 0))))
                .containsExactly(AttachmentVerdict.rejected(RejectionReason.EMPTY));
    }

    @Test
    void rejectsTheSixthFormFile() {
        List<AttachmentVerdict> verdicts = AttachmentPolicy.form()
                .judge(Collections.nCopies(6, file(AttachmentPolicy.JPEG, 10)));
        assertThat(verdicts.subList(0, 5)).containsOnly(AttachmentVerdict.accepted());
        assertThat(verdicts.get(5)).isEqualTo(AttachmentVerdict.rejected(RejectionReason.TOO_MANY_FILES));
    }

    @Test
    void rejectsTheEmailAttachmentThatTakesTheTotalOverTenMegabytes() {
        List<AttachmentVerdict> verdicts = AttachmentPolicy.email().judge(List.of(
                file(AttachmentPolicy.PDF, 4 * MB), file(AttachmentPolicy.PDF, 4 * MB), file(AttachmentPolicy.PDF, 3 * MB)));
        assertThat(verdicts).containsExactly(AttachmentVerdict.accepted(), AttachmentVerdict.accepted(),
                AttachmentVerdict.rejected(RejectionReason.TOTAL_TOO_LARGE));
    }
}
