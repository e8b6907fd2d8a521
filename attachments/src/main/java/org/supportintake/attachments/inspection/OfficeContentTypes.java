package org.supportintake.attachments.inspection;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OPC package's {@code [Content_Types].xml} (ECMA-376 Part 2, §10.1.2): whether the package
 * is a Word document (an {@code Override} giving the WordprocessingML main part type), else whether it
 * is a spreadsheet or a presentation (so that an XLSX is refused as what it is, not as an archive of
 * XML files), and whether it declares macros (a {@code macroEnabled} main part, as DOCM and DOTM have,
 * or a VBA project part). Immutable.
 */
record OfficeContentTypes(String wordMainPart, String otherDocumentType, boolean macros) {

    static final String ENTRY_NAME = "[Content_Types].xml";
    private static final String WORD_MAIN_PART =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    /**
     * The main part types of the other OOXML documents, and the type of the document each makes. The macro-enabled
     * ones are refused as soon as they are read; they are here so that the refusal names the document it was.
     */
    private static final Map<String, String> OTHER_MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", MediaTypes.XLSX,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", MediaTypes.PPTX,
            "application/vnd.ms-word.document.macroEnabled.main+xml", "application/vnd.ms-word.document.macroEnabled.12",
            "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
            "application/vnd.ms-word.template.macroEnabled.12",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.12",
            "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
            "application/vnd.ms-powerpoint.presentation.macroEnabled.12");
    private static final OfficeContentTypes NONE = new OfficeContentTypes("", "", false);
    /** The parts where Word keeps a VBA project ({@code word/vbaProject.bin}, its signature, {@code vbaData.xml}). */
    private static final Pattern MACRO_PART = Pattern.compile("(?i)(^|.*[/\\\\])vba(project\\w*\\.bin|data\\.xml)");

    /** The document these content types declare: a DOCX, another Office document, or just a ZIP. */
    String documentType() {
        return !wordMainPart.isEmpty() ? MediaTypes.DOCX : !otherDocumentType.isEmpty() ? otherDocumentType : MediaTypes.ZIP;
    }

    /** Whether an entry of a package is a VBA project, whatever the content types say. */
    static boolean isMacroPart(String entryName) {
        return MACRO_PART.matcher(entryName).matches();
    }

    /** What the content types declare; nothing when they cannot be read. */
    static OfficeContentTypes read(InputStream xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String mainPart = "";
        String other = "";
        boolean macros = false;
        try {
            // The JDK's reader closes its input at the end of the document; the archive must stay open.
            XMLStreamReader reader = factory.createXMLStreamReader(new FilterInputStream(xml) {
                @Override
                public void close() {
                }
            });
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String type = String.valueOf(reader.getAttributeValue(null, "ContentType"));
                macros |= declaresMacros(type);
                String part = reader.getAttributeValue(null, "PartName");
                if (mainPart.isEmpty() && "Override".equals(reader.getLocalName()) && WORD_MAIN_PART.equals(type)
                        && part != null) {
                    mainPart = part.replaceFirst("^/", "");
                }
                if (other.isEmpty() && "Override".equals(reader.getLocalName())) {
                    other = OTHER_MAIN_PARTS.getOrDefault(type, "");
                }
            }
            return new OfficeContentTypes(mainPart, other, macros);
        } catch (XMLStreamException e) {
            return macros ? new OfficeContentTypes(mainPart, other, true) : NONE;
        }
    }

    /** {@code application/vnd.ms-word.document.macroEnabled.main+xml}, {@code application/vnd.ms-office.vbaProject} … */
    private static boolean declaresMacros(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("macroenabled") || type.startsWith("application/vnd.ms-office.vba")
                || type.contains(".vbadata");
    }
}
