package org.supportintake.web.form;

/** The request body is over the total limit; it is answered 413 without reading the rest. */
public class RequestTooLargeException extends Exception {

    public RequestTooLargeException(long limit) {
        super("request larger than " + limit + " bytes", null, false, false);
    }
}
