package org.supportintake.attachments.inspection;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a file's name and declared type claim it is. Only a claim: it can make a file suspicious
 * (a contradiction), never acceptable. Pictures are one family (screenshot tools mix up JPEG and PNG
 * harmlessly, and a phone's HEIC or WebP photo saved as {@code .jpg} is a photo, refused for its format
 * with the list of accepted ones, not for deceit); SVG is no picture here, since it carries script. DOCX
 * and ZIP are one family too (a DOCX is a ZIP).
 */
public final class TypeHints {

    private static final Map<String, String> BY_DECLARED_TYPE = Map.of(
            MediaTypes.PDF, MediaTypes.PDF, MediaTypes.JPEG, MediaTypes.JPEG, "image/jpg", MediaTypes.JPEG,
            "image/pjpeg", MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.PNG, "image/x-png", MediaTypes.PNG,
            MediaTypes.DOCX, MediaTypes.DOCX, MediaTypes.ZIP, MediaTypes.ZIP, "application/x-zip-compressed", MediaTypes.ZIP);
    private static final Map<String, String> FAMILY = Map.of(
            MediaTypes.JPEG, "image", MediaTypes.PNG, "image", MediaTypes.DOCX, "zip", MediaTypes.ZIP, "zip",
            MediaTypes.PDF, "pdf");
    /** The types a name's extension claims: those of {@link MediaTypes#extensions} that belong to a family. */
    private static final Map<String, String> BY_EXTENSION = FAMILY.keySet().stream()
            .flatMap(type -> MediaTypes.extensions(type).stream().map(extension -> Map.entry(extension, type)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private TypeHints() {
    }

    /** Whether the name's extension or the declared type names a type of another family than the content. */
    public static boolean contradict(String safeName, String declaredType, String detectedType) {
        return claimed(BY_EXTENSION.get(SafeFileName.extension(safeName)), detectedType)
                || claimed(BY_DECLARED_TYPE.get(baseType(declaredType)), detectedType);
    }

    private static boolean claimed(String claimedType, String detectedType) {
        return Optional.ofNullable(claimedType)
                .map(claim -> !FAMILY.get(claim).equals(familyOf(detectedType)))
                .orElse(false);
    }

    private static String familyOf(String detectedType) {
        if (detectedType.startsWith("image/") && !detectedType.startsWith("image/svg")) {
            return "image";
        }
        return FAMILY.getOrDefault(detectedType, detectedType);
    }

    private static String baseType(String declaredType) {
        int parameters = declaredType.indexOf(';');
        return (parameters < 0 ? declaredType : declaredType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
