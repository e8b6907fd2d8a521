package org.supportintake.attachments.inspection;

import java.util.Set;

/**
 * The one list of file name extensions that run or show active content when opened, used wherever
 * a name is judged: a file's own name, an entry of an email ZIP, a part of a Word document, the
 * tail of a double extension. Two kinds, because a Word document legitimately holds SVG pictures
 * and HTML chunks (Word renders them without script), while a file saved under such a name opens
 * in a browser that runs its script.
 */
final class RunnableExtensions {

    /** Programs, scripts, installers, shortcuts, help files and disk images: Windows, macOS or a desktop runs or mounts them. */
    private static final Set<String> PROGRAMS = Set.of("exe", "com", "scr", "pif", "bat", "cmd", "msi", "msp", "mst",
            "hta", "js", "jse", "vbs", "vbe", "vb", "wsf", "wsh", "ws", "wsc", "sct", "ps1", "psm1", "psd1", "ps1xml", "ps2",
            "psc1", "msh", "msh1", "msh2", "jar", "jnlp", "lnk", "url", "website", "scf", "reg", "inf", "cpl", "dll", "ocx",
            "sys", "drv", "msc", "gadget", "chm", "hlp", "application", "appref-ms", "appx", "appxbundle", "msix",
            "msixbundle", "appinstaller", "settingcontent-ms", "library-ms", "searchconnector-ms", "xbap", "xll", "iso",
            "img", "vhd", "vhdx", "dmg", "pkg", "app", "command", "tool", "apk", "sh", "desktop", "py", "pyw");
    /** Pages and images a browser opens with their script running. */
    private static final Set<String> ACTIVE_CONTENT = Set.of("htm", "html", "xhtml", "xht", "shtml", "shtm", "mht",
            "mhtml", "svg", "svgz");

    private RunnableExtensions() {
    }

    /** Whether a file with this extension (lower case, no dot) is a program Windows or a desktop starts. */
    static boolean isProgram(String extension) {
        return PROGRAMS.contains(extension);
    }

    /** Whether a file with this extension runs or shows active content when opened: a program, a page, an SVG. */
    static boolean isRunnable(String extension) {
        return PROGRAMS.contains(extension) || ACTIVE_CONTENT.contains(extension);
    }
}
