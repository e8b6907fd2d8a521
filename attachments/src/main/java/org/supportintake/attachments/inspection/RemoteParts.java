package org.supportintake.attachments.inspection;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Relationships of an OPC package ({@code *.rels}, ECMA-376 Part 2, §9.3) that make Word fetch and
 * load something from outside the document when it opens it: an external OLE object (CVE-2022-30190,
 * "Follina"), a remote template (template injection, which brings macros into a clean DOCX), a frame or
 * a sub-document, and any external target on a network share or a {@code file:} path (Windows sends the
 * user's NTLM hash to the share). An external hyperlink waits for a click and is fine.
 */
final class RemoteParts {

    /** Relationship types (the last segment of their URI) Word resolves on opening. */
    private static final Set<String> LOADED_ON_OPENING = Set.of("oleobject", "attachedtemplate", "subdocument",
            "frame", "package");

    private RemoteParts() {
    }

    /** Whether a {@code .rels} part names a part outside the package that Word would load; false when it is no XML. */
    static boolean loadedBy(InputStream rels) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            // The JDK's reader closes its input at the end of the document; the archive must stay open.
            XMLStreamReader reader = factory.createXMLStreamReader(new FilterInputStream(rels) {
                @Override
                public void close() {
                }
            });
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(reader.getLocalName())
                        && isRemoteLoad(reader.getAttributeValue(null, "Type"), reader.getAttributeValue(null, "Target"),
                        reader.getAttributeValue(null, "TargetMode"))) {
                    return true;
                }
            }
            return false;
        } catch (XMLStreamException e) {
            // Word does not open a package whose relationships are not XML; the walk's other checks still apply.
            return false;
        }
    }

    private static boolean isRemoteLoad(String type, String target, String mode) {
        if (!"external".equalsIgnoreCase(String.valueOf(mode).strip())) {
            return false;
        }
        String kind = String.valueOf(type).strip().toLowerCase(Locale.ROOT);
        kind = kind.substring(kind.lastIndexOf('/') + 1);
        String where = String.valueOf(target).strip().toLowerCase(Locale.ROOT);
        boolean onAShare = where.startsWith("\\\\") || where.startsWith("//") || where.startsWith("file:");
        return LOADED_ON_OPENING.contains(kind) || onAShare && !kind.equals("hyperlink");
    }
}
