package org.supportintake.web.staff;

/** A staff form's field that could not be used, and why, in Russian; {@code field} is the input's id. */
record FieldError(String field, String message) {
}
