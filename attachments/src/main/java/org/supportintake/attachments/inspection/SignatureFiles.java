package org.supportintake.attachments.inspection;

import java.util.Locale;
import java.util.Set;

/**
 * Electronic signature files as Russian citizens attach them beside a document: a detached CMS signature of a
 * qualified electronic signature (КЭП: {@code заявление.pdf.sig} from КриптоАРМ, {@code .p7s}, {@code .sgn}) or a
 * PGP one. Only a name or a declared type says so; it chooses which reason a refused file is given, never whether.
 */
public final class SignatureFiles {

    private static final Set<String> EXTENSIONS = Set.of("sig", "sgn", "p7s", "asc");
    private static final Set<String> TYPES = Set.of("application/pkcs7-signature", "application/x-pkcs7-signature",
            "application/pgp-signature");

    private SignatureFiles() {
    }

    /** Whether a file so named, or so declared, is a signature file. */
    public static boolean named(String name, String declaredType) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(extension) || TYPES.contains(declaredType);
    }
}
