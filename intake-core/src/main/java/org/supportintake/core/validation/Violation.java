package org.supportintake.core.validation;

/**
 * One broken rule: the form field it belongs to (HTML/JSON name), a stable code such as
 * {@code subject.too_long}, and a Russian sentence for the citizen.
 */
public record Violation(String field, String code, String message) {
}
