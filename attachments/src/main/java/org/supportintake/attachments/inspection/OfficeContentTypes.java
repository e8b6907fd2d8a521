package org.supportintake.attachments.inspection;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OPC package's {@code [Content_Types].xml} (ECMA-376 Part 2, §10.1.2) to find whether
 * the package is a Word document: an {@code Override} giving the WordprocessingML main part type.
 */
final class OfficeContentTypes {

    static final String ENTRY_NAME = "[Content_Types].xml";
    private static final String WORD_MAIN_PART =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private OfficeContentTypes() {
    }

    /** The part name declared as a Word document's main part ({@code word/document.xml}), or empty. */
    static String wordMainPart(InputStream xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && "Override".equals(reader.getLocalName())
                        && WORD_MAIN_PART.equals(reader.getAttributeValue(null, "ContentType"))) {
                    String part = reader.getAttributeValue(null, "PartName");
                    return part == null ? "" : part.replaceFirst("^/", "");
                }
            }
            return "";
        } catch (XMLStreamException e) {
            return "";
        }
    }
}
