package org.supportintake.web.form;

import java.util.List;
import java.util.Map;

import org.supportintake.attachments.policy.ReceivedFile;

/** What a citizen sent: every text field by its HTML name, and the files as judged while they streamed in. */
public record FormInput(Map<String, String> fields, List<ReceivedFile> files) {

    public FormInput {
        fields = Map.copyOf(fields);
        files = List.copyOf(files);
    }

    /** A field's value, "" when it was not sent. */
    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
