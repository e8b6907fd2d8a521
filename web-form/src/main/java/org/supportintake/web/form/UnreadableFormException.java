package org.supportintake.web.form;

/** The form's body was not read to its end, for the {@link FormRefusal} given; the rest is not read. */
public class UnreadableFormException extends Exception {

    private final FormRefusal refusal;

    public UnreadableFormException(FormRefusal refusal) {
        super(refusal.name(), null, false, false);
        this.refusal = refusal;
    }

    public FormRefusal refusal() {
        return refusal;
    }
}
